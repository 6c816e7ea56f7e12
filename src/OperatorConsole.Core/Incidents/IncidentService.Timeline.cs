namespace OperatorConsole.Core.Incidents;

public sealed partial class IncidentService
{
    public const int MaxTimelinePage = 500;

    /// <summary>The kinds the evidence form's containment field is prefilled from.</summary>
    public static readonly IReadOnlyList<string> ContainmentKinds = [TimelineKinds.Status, TimelineKinds.Obligation, TimelineKinds.Decision];

    public IReadOnlyList<TimelineEntry> Timeline(string id) => changes.Store.Read(s => s.Incidents.Timeline(id));

    public int TimelineCount(string id, string? kind = null) => changes.Store.Read(s => s.Incidents.TimelineCount(id, kind));

    public IReadOnlyList<TimelineEntry> PinnedTimeline(string id) => changes.Store.Read(s => s.Incidents.PinnedTimeline(id));

    /// <summary>The <paramref name="take"/> entries just older than <paramref name="anchor"/> (the newest when null), found by seeking the order key.</summary>
    public TimelineWindow TimelinePage(string id, string? kind, TimelineCursor? anchor, int take) =>
        changes.Store.Read(s => Before(s.Incidents, id, kind, anchor, take));

    /// <summary>The page below <paramref name="current"/>: it is anchored at the current page's oldest entry.</summary>
    public TimelineWindow OlderTimelinePage(string id, string? kind, TimelineWindow current, int take) =>
        current.Entries.Count == 0 ? current : TimelinePage(id, kind, TimelineCursor.Of(current.Entries[^1]), take);

    /// <summary>The page above <paramref name="current"/>, or the newest page when fewer than a page of entries are newer.</summary>
    public TimelineWindow NewerTimelinePage(string id, string? kind, TimelineWindow current, int take) =>
        changes.Store.Read(s =>
        {
            if (current.Anchor is null || current.Entries.Count == 0)
            {
                return Before(s.Incidents, id, kind, anchor: null, take);
            }

            take = Math.Clamp(take, 1, MaxTimelinePage);
            var newer = s.Incidents.TimelineAfter(id, kind, TimelineCursor.Of(current.Entries[0]), take + 1);
            return newer.Count <= take
                ? Before(s.Incidents, id, kind, anchor: null, take)
                : new TimelineWindow([.. newer.Take(take).Reverse()], TimelineCursor.Of(newer[take]), HasOlder: true);
        });

    private static TimelineWindow Before(IIncidentRepository incidents, string id, string? kind, TimelineCursor? anchor, int take)
    {
        take = Math.Clamp(take, 1, MaxTimelinePage);
        var entries = incidents.TimelineBefore(id, kind, anchor, take + 1);
        return new TimelineWindow([.. entries.Take(take)], anchor, entries.Count > take);
    }
}
