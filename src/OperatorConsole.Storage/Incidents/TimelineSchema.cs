using System.Text;
using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Incidents;

/// <summary>
/// The envelope of a timeline entry. Besides the plain fields (incident, UTC ticks, kind, pinned) it
/// carries sort keys that put one incident's entries together in time order, so a page is an index range:
/// <c>orderKey</c> = incident 0 ticks id, <c>kindKey</c> = incident 0 kind 0 ticks id, and <c>pinnedOf</c>
/// holds the incident id only while the entry is pinned. Ids break ties between entries of one instant.
/// </summary>
/// <remarks>
/// The keys are <see cref="ByteSortKey"/>s: text keys joined by a control character compared under the file's
/// collation, which ignored it before <see cref="OrdinalCollationUpgrade"/>, and put INC-10000's entries inside
/// INC-1000's range. Incident ids and kinds hold no NUL
/// (ids are INC-n, kinds constants), so the 0 that ends a prefix makes no prefix the start of another.
/// </remarks>
internal static class TimelineSchema
{
    public const string IncidentId = "incidentId";
    public const string At = "at";
    public const string Kind = "kind";
    public const string Pinned = "pinned";
    public const string Order = "orderKey";
    public const string KindOrder = "kindKey";
    public const string PinnedOf = "pinnedOf";

    /// <summary>The text keys of earlier versions, indexed under the collation; files that have them are rekeyed.</summary>
    private static readonly string[] TextKeys = ["order", "kindOrder"];

    /// <summary>The prefix of an incident's keys, or with <paramref name="kind"/> of its keys of that kind.</summary>
    public static byte[] Prefix(string incidentId, string? kind = null) =>
        kind is null ? [.. Encoding.UTF8.GetBytes(incidentId), 0] : [.. Encoding.UTF8.GetBytes(incidentId), 0, .. Encoding.UTF8.GetBytes(kind), 0];

    /// <summary>Every key under the prefix, as a range of <paramref name="field"/>.</summary>
    public static BsonExpression Under(string field, byte[] prefix) => Query.Between(field, prefix, ByteSortKey.End(prefix));

    public static BsonDocument Wrap(TimelineEntry entry) =>
        JsonDocuments.Wrap(entry.Id, entry,
            (IncidentId, entry.IncidentId),
            (At, entry.At.UtcTicks),
            (Kind, entry.Kind),
            (Pinned, entry.Pinned),
            (Order, ByteSortKey.Of(Prefix(entry.IncidentId), entry.At, entry.Id)),
            (KindOrder, ByteSortKey.Of(Prefix(entry.IncidentId, entry.Kind), entry.At, entry.Id)),
            (PinnedOf, entry.Pinned ? entry.IncidentId : BsonValue.Null));

    /// <summary>
    /// Entries written before the byte keys (with text keys, or with none) get them once; the new envelope leaves the text
    /// keys out. Every read goes through a sort key, and each starts with the incident id, so an index on the id alone (or
    /// on the text keys) has no reader.
    /// </summary>
    public static readonly LiteRekey Rekey = new(LiteSchema.Timeline, Order, doc => Wrap(JsonDocuments.Unwrap<TimelineEntry>(doc)), [IncidentId, .. TextKeys]);

    public static void EnsureIndexes(ILiteCollection<BsonDocument> timeline)
    {
        Rekey.Run(timeline);
        timeline.EnsureIndex(KindOrder);
        timeline.EnsureIndex(PinnedOf);
    }
}
