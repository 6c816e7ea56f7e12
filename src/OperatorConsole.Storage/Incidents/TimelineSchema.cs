using System.Globalization;
using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Incidents;

/// <summary>
/// The envelope of a timeline entry. Besides the plain fields (incident, UTC ticks, kind, pinned) it
/// carries sort keys that put one incident's entries together in time order, so a page is an index range:
/// <c>order</c> = incident | ticks | id, <c>kindOrder</c> = incident | kind | ticks | id, and <c>pinnedOf</c>
/// holds the incident id only while the entry is pinned. Ids break ties between entries of one instant.
/// </summary>
internal static class TimelineSchema
{
    public const char Separator = '\u001f';
    public const string IncidentId = "incidentId";
    public const string At = "at";
    public const string Kind = "kind";
    public const string Pinned = "pinned";
    public const string Order = "order";
    public const string KindOrder = "kindOrder";
    public const string PinnedOf = "pinnedOf";

    public static string Prefix(string incidentId, string kind) => incidentId + Separator + kind;

    /// <summary>The sort key of the entry at <paramref name="at"/> with <paramref name="id"/> under a prefix (an incident, or an incident and kind).</summary>
    public static string Key(string prefix, DateTimeOffset at, string id) =>
        prefix + Separator + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + Separator + id;

    /// <summary>Every key under a prefix starts with it and a separator; this is that range of <paramref name="field"/>.</summary>
    public static BsonExpression Under(string field, string prefix) => Query.Between(field, prefix + Separator, End(prefix));

    /// <summary>A bound above every key under the prefix.</summary>
    public static string End(string prefix) => prefix + Separator + char.MaxValue;

    public static BsonDocument Wrap(TimelineEntry entry) =>
        JsonDocuments.Wrap(entry.Id, entry,
            (IncidentId, entry.IncidentId),
            (At, entry.At.UtcTicks),
            (Kind, entry.Kind),
            (Pinned, entry.Pinned),
            (Order, Key(entry.IncidentId, entry.At, entry.Id)),
            (KindOrder, Key(Prefix(entry.IncidentId, entry.Kind), entry.At, entry.Id)),
            (PinnedOf, entry.Pinned ? entry.IncidentId : BsonValue.Null));

    public static void EnsureIndexes(ILiteCollection<BsonDocument> timeline)
    {
        // Entries written before the sort keys existed get them once, from their JSON.
        var old = timeline.Find(Query.EQ(Order, BsonValue.Null)).ToList();
        foreach (var doc in old)
        {
            timeline.Update(Wrap(JsonDocuments.Unwrap<TimelineEntry>(doc)));
        }

        // Every read goes through a sort key, and "order" starts with the incident id, so an index on the id alone was
        // one more index page written per entry for no reader; files that have it lose it here.
        timeline.DropIndex(IncidentId);
        timeline.EnsureIndex(Order);
        timeline.EnsureIndex(KindOrder);
        timeline.EnsureIndex(PinnedOf);
    }
}
