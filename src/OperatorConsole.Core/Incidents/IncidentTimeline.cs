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
        if (!c.Session.Incidents.Exists(incidentId))
        {
            throw new NotFoundException($"No incident '{incidentId}'.");
        }

        var entry = new TimelineEntry(UnusedId(c), incidentId, c.Now, kind, c.Actor.DisplayName, text, detail, Link: link);
        c.Session.Incidents.Add(entry);
        c.Publish(Topics.Incident(incidentId), IncidentEvents.Timeline, entry.Id, text);
        return entry;
    }

    // Ids sort in the order they were issued, so entries that share an instant keep the order they were
    // appended in. They follow the wall clock's ticks, so ids issued after a restart, or by another instance on the
    // same database, sort with the time they were issued in.
    private static long _lastId;

    /// <summary>
    /// An id no stored entry has. Instances on one database issue ids from their own clocks and could meet on a tick;
    /// the check runs inside the write, which is serialised across instances, so an id is never issued twice.
    /// </summary>
    private static string UnusedId(Change c)
    {
        var id = NextId();
        while (c.Session.Incidents.TimelineEntry(id) is not null)
        {
            id = NextId();
        }

        return id;
    }

    private static string NextId()
    {
        long last, next;
        do
        {
            last = Volatile.Read(ref _lastId);
            next = Math.Max(last + 1, DateTime.UtcNow.Ticks);
        }
        while (Interlocked.CompareExchange(ref _lastId, next, last) != last);

        return next.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
