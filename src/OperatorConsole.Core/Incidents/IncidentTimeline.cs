using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Incidents;

/// <summary>
/// The one way anything lands on an incident's timeline: inside the caller's change, so the entry,
/// the change it describes and its ledger entry commit together. Other features only call this.
/// </summary>
public static class IncidentTimeline
{
    public static TimelineEntry Append(Change c, string incidentId, string kind, string text, string? detail = null, string? link = null)
    {
        if (c.Session.Incidents.Get(incidentId) is null)
        {
            throw new NotFoundException($"No incident '{incidentId}'.");
        }

        var entry = new TimelineEntry(NextId(), incidentId, c.Now, kind, c.Actor.DisplayName, text, detail, Link: link);
        c.Session.Incidents.Upsert(entry);
        c.Publish(Topics.Incident(incidentId), IncidentEvents.Timeline, entry.Id, text);
        return entry;
    }

    // Ids sort in the order they were issued, so entries that share an instant keep the order they were
    // appended in. Seeded from the wall clock's ticks, so ids issued after a restart still sort later.
    private static long _lastId = DateTime.UtcNow.Ticks;

    private static string NextId() => Interlocked.Increment(ref _lastId).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
