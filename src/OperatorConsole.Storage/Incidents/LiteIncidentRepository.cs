using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Incidents;

internal sealed class LiteIncidentRepository(ILiteDatabase db, bool writable) : IIncidentRepository
{
    private readonly ILiteCollection<BsonDocument> _incidents = db.GetCollection(LiteSchema.Incidents);
    private readonly ILiteCollection<BsonDocument> _timeline = db.GetCollection(LiteSchema.Timeline);
    private readonly ILiteCollection<BsonDocument> _evidence = db.GetCollection(LiteSchema.Evidence);

    public Incident? Get(string id)
    {
        var doc = _incidents.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<Incident>(doc);
    }

    public IReadOnlyList<Incident> All() =>
        [.. _incidents.FindAll().Select(JsonDocuments.Unwrap<Incident>).OrderBy(i => i.IsOpen ? 0 : 1).ThenByDescending(i => i.OpenedAt)];

    public int Count() => _incidents.Count();

    public IReadOnlyList<Incident> Open() =>
        [.. _incidents.Find(Query.And(Query.Not("status", nameof(IncidentStatus.Resolved)), Query.Not("status", nameof(IncidentStatus.Closed))))
            .Select(JsonDocuments.Unwrap<Incident>).OrderByDescending(i => i.OpenedAt)];

    public void Upsert(Incident incident)
    {
        LiteSession.EnsureWritable(writable);
        _incidents.Upsert(JsonDocuments.Wrap(incident.Id, incident, ("status", incident.Status.ToString())));
    }

    public IReadOnlyList<TimelineEntry> Timeline(string incidentId) =>
        [.. _timeline.Query().Where(Under(TimelineSchema.Order, incidentId)).OrderBy(TimelineSchema.Order).ToDocuments().Select(JsonDocuments.Unwrap<TimelineEntry>)];

    /// <summary>
    /// Pages over the sort key alone, so skipped entries are index nodes, never loaded documents;
    /// then loads just the page's entries by the id at the end of each key.
    /// </summary>
    public IReadOnlyList<TimelineEntry> TimelinePage(string incidentId, string? kind, int skip, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        var filter = Filter(incidentId, kind, out var key);
        var idStart = (kind is null ? incidentId : TimelineSchema.Prefix(incidentId, kind)).Length + TimelineSchema.TailIdOffset;
        var keys = _timeline.Query().Where(filter).OrderByDescending(key).Select(key).Skip(skip).Limit(take).ToDocuments()
            .Select(d => d.Values.Single().AsString).ToList();
        return [.. keys.Select(k => _timeline.FindById(k[idStart..])).OfType<BsonDocument>().Select(JsonDocuments.Unwrap<TimelineEntry>)];
    }

    public int TimelineCount(string incidentId, string? kind) => _timeline.Count(Filter(incidentId, kind, out _));

    public IReadOnlyList<TimelineEntry> PinnedTimeline(string incidentId) =>
        [.. _timeline.Query().Where(Query.EQ(TimelineSchema.PinnedOf, incidentId)).ToDocuments()
            .OrderByDescending(d => d[TimelineSchema.Order].AsString, StringComparer.Ordinal)
            .Select(JsonDocuments.Unwrap<TimelineEntry>)];

    public TimelineEntry? TimelineEntry(string entryId)
    {
        var doc = _timeline.FindById(entryId);
        return doc is null ? null : JsonDocuments.Unwrap<TimelineEntry>(doc);
    }

    public void Upsert(TimelineEntry entry)
    {
        LiteSession.EnsureWritable(writable);
        _timeline.Upsert(TimelineSchema.Wrap(entry));
    }

    /// <summary>Every key of the incident's entries starts with its id and a separator; this is that range.</summary>
    private static BsonExpression Under(string field, string prefix) =>
        Query.Between(field, prefix + TimelineSchema.Separator, prefix + TimelineSchema.Separator + char.MaxValue);

    private static BsonExpression Filter(string incidentId, string? kind, out string key)
    {
        key = kind is null ? TimelineSchema.Order : TimelineSchema.KindOrder;
        return Under(key, kind is null ? incidentId : TimelineSchema.Prefix(incidentId, kind));
    }

    public IReadOnlyList<EvidenceRecord> Evidence(string incidentId) =>
        [.. _evidence.Find(Query.EQ("incidentId", incidentId)).Select(JsonDocuments.Unwrap<EvidenceRecord>).OrderBy(e => e.RecordedAt)];

    public void Add(EvidenceRecord record)
    {
        LiteSession.EnsureWritable(writable);
        _evidence.Insert(JsonDocuments.Wrap(record.Id, record, ("incidentId", record.IncidentId)));
    }
}
