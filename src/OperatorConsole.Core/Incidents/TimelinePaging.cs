namespace OperatorConsole.Core.Incidents;

/// <summary>A place in an incident's timeline: an entry's instant and id, the order the timeline is kept in.</summary>
public sealed record TimelineCursor(DateTimeOffset At, string Id)
{
    public static TimelineCursor Of(TimelineEntry entry) => new(entry.At, entry.Id);
}

/// <summary>
/// One page of a timeline, newest first: the entries just older than <see cref="Anchor"/>, or the newest entries when it
/// is null. A page is named by its anchor, so it stays the same page while newer entries arrive above it.
/// </summary>
public sealed record TimelineWindow(IReadOnlyList<TimelineEntry> Entries, TimelineCursor? Anchor, bool HasOlder)
{
    public bool HasNewer => Anchor is not null;
}
