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

    public void Upsert(Incident incident)
    {
        LiteSession.EnsureWritable(writable);
        _incidents.Upsert(JsonDocuments.Wrap(incident.Id, incident, ("status", incident.Status.ToString())));
    }

    public IReadOnlyList<TimelineEntry> Timeline(string incidentId) =>
        [.. _timeline.Find(Query.EQ("incidentId", incidentId)).Select(JsonDocuments.Unwrap<TimelineEntry>).OrderBy(e => e.At)];

    public TimelineEntry? TimelineEntry(string entryId)
    {
        var doc = _timeline.FindById(entryId);
        return doc is null ? null : JsonDocuments.Unwrap<TimelineEntry>(doc);
    }

    public void Upsert(TimelineEntry entry)
    {
        LiteSession.EnsureWritable(writable);
        _timeline.Upsert(JsonDocuments.Wrap(entry.Id, entry, ("incidentId", entry.IncidentId)));
    }

    public IReadOnlyList<EvidenceRecord> Evidence(string incidentId) =>
        [.. _evidence.Find(Query.EQ("incidentId", incidentId)).Select(JsonDocuments.Unwrap<EvidenceRecord>).OrderBy(e => e.RecordedAt)];

    public void Add(EvidenceRecord record)
    {
        LiteSession.EnsureWritable(writable);
        _evidence.Insert(JsonDocuments.Wrap(record.Id, record, ("incidentId", record.IncidentId)));
    }
}
