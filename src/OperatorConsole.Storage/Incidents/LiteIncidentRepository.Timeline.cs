using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Incidents;

/// <summary>
/// The timeline, read through its sort keys (see <see cref="TimelineSchema"/>): a page is a seek to a key and a short
/// walk along the index, never a skip over the entries before it; counts are kept beside the entries on write.
/// </summary>
internal sealed partial class LiteIncidentRepository
{
    private readonly ILiteCollection<BsonDocument> _timeline = db.GetCollection(LiteSchema.Timeline);
    private readonly TimelineCounts _counts = new(db);

    public IReadOnlyList<TimelineEntry> Timeline(string incidentId) =>
        [.. _timeline.Query().Where(TimelineSchema.Under(TimelineSchema.Order, TimelineSchema.Prefix(incidentId))).OrderBy(TimelineSchema.Order).ToDocuments().Select(JsonDocuments.Unwrap<TimelineEntry>)];

    public IReadOnlyList<TimelineEntry> TimelineBefore(string incidentId, string? kind, TimelineCursor? before, int take)
    {
        var (field, prefix) = SortKey(incidentId, kind);
        var upper = before is null ? ByteSortKey.End(prefix) : ByteSortKey.Of(prefix, before.At, before.Id);
        return Seek(field, prefix, upper, descending: true, upper, take);
    }

    public IReadOnlyList<TimelineEntry> TimelineAfter(string incidentId, string? kind, TimelineCursor after, int take)
    {
        var (field, prefix) = SortKey(incidentId, kind);
        var lower = ByteSortKey.Of(prefix, after.At, after.Id);
        return Seek(field, lower, ByteSortKey.End(prefix), descending: false, lower, take);
    }

    public IReadOnlyList<TimelineEntry> TimelineOfKinds(string incidentId, IReadOnlyCollection<string> kinds) =>
        [.. kinds.Distinct()
            .SelectMany(k => _timeline.Query().Where(TimelineSchema.Under(TimelineSchema.KindOrder, TimelineSchema.Prefix(incidentId, k))).ToDocuments())
            .OrderBy(d => d[TimelineSchema.Order].AsBinary, ByteSortKey.Order)
            .Select(JsonDocuments.Unwrap<TimelineEntry>)];

    public int TimelineCount(string incidentId, string? kind)
    {
        var (field, prefix) = SortKey(incidentId, kind);
        return _counts.Get(incidentId, kind) ?? _timeline.Count(TimelineSchema.Under(field, prefix));
    }

    public IReadOnlyList<TimelineEntry> PinnedTimeline(string incidentId) =>
        [.. _timeline.Query().Where(Query.EQ(TimelineSchema.PinnedOf, incidentId)).ToDocuments()
            .OrderByDescending(d => d[TimelineSchema.Order].AsBinary, ByteSortKey.Order)
            .Select(JsonDocuments.Unwrap<TimelineEntry>)];

    public TimelineEntry? TimelineEntry(string entryId)
    {
        var doc = _timeline.FindById(entryId);
        return doc is null ? null : JsonDocuments.Unwrap<TimelineEntry>(doc);
    }

    public void Upsert(TimelineEntry entry)
    {
        LiteSession.EnsureWritable(writable);
        var old = _timeline.FindById(entry.Id);
        if (old is null)
        {
            Add(entry);
            return;
        }

        var (wasIncident, wasKind) = (old[TimelineSchema.IncidentId].AsString, old[TimelineSchema.Kind].AsString);
        if ((wasIncident, wasKind) != (entry.IncidentId, entry.Kind))
        {
            _counts.Add(wasIncident, wasKind, -1);
            _counts.Add(entry.IncidentId, entry.Kind, 1);
        }

        _timeline.Update(TimelineSchema.Wrap(entry));
    }

    public void Add(TimelineEntry entry)
    {
        LiteSession.EnsureWritable(writable);
        _counts.Add(entry.IncidentId, entry.Kind, 1);
        _timeline.Insert(TimelineSchema.Wrap(entry));
    }

    private List<TimelineEntry> Seek(string field, byte[] lower, byte[] upper, bool descending, byte[] bound, int take) =>
        [.. ByteKeyRange.Page(_timeline, field, lower, upper, descending, bound, take).Select(JsonDocuments.Unwrap<TimelineEntry>)];

    private static (string Field, byte[] Prefix) SortKey(string incidentId, string? kind) =>
        (kind is null ? TimelineSchema.Order : TimelineSchema.KindOrder, TimelineSchema.Prefix(incidentId, kind));
}
