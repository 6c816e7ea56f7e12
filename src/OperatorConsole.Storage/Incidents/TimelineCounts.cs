using LiteDB;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Incidents;

/// <summary>
/// How many timeline entries each incident has, in all and per kind: one small document per incident, changed in the
/// same transaction as the entries, so a count is one read instead of a walk over the incident's index.
/// </summary>
internal sealed class TimelineCounts(ILiteDatabase db)
{
    private const string All = "all";
    private const string Kinds = "kinds";

    private readonly ILiteCollection<BsonDocument> _counts = db.GetCollection(LiteSchema.TimelineCounts);
    private readonly ILiteCollection<BsonDocument> _timeline = db.GetCollection(LiteSchema.Timeline);

    /// <summary>The kept count, or null for an incident that has had no entry written since counts were kept.</summary>
    public int? Get(string incidentId, string? kind)
    {
        var doc = _counts.FindById(incidentId);
        if (doc is null)
        {
            return null;
        }

        return kind is null ? doc[All].AsInt32 : doc[Kinds].AsDocument.TryGetValue(kind, out var n) ? n.AsInt32 : 0;
    }

    /// <summary>Call before the entry itself is written: an incident without counts yet is counted from what is stored.</summary>
    public void Add(string incidentId, string kind, int delta)
    {
        var doc = _counts.FindById(incidentId) ?? Counted(incidentId);
        var kinds = doc[Kinds].AsDocument;
        doc[All] = doc[All].AsInt32 + delta;
        kinds[kind] = (kinds.TryGetValue(kind, out var n) ? n.AsInt32 : 0) + delta;
        _counts.Upsert(doc);
    }

    // Entries written before counts were kept (older data files) are counted once, when the incident next changes.
    private BsonDocument Counted(string incidentId)
    {
        var kinds = new BsonDocument();
        var all = 0;
        var stored = _timeline.Query().Where(TimelineSchema.Under(TimelineSchema.Order, TimelineSchema.Prefix(incidentId))).Select(TimelineSchema.Kind).ToDocuments();
        foreach (var kind in stored.Select(d => d.Values.Single().AsString))
        {
            kinds[kind] = (kinds.TryGetValue(kind, out var n) ? n.AsInt32 : 0) + 1;
            all++;
        }

        return new BsonDocument { ["_id"] = incidentId, [All] = all, [Kinds] = kinds };
    }
}
