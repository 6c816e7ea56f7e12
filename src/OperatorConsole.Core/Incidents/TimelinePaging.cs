namespace OperatorConsole.Core.Incidents;

/// <summary>A place in an incident's timeline: an entry's instant and id, the order the timeline is kept in.</summary>
public sealed record TimelineCursor(DateTimeOffset At, string Id)
{
    public static TimelineCursor Of(TimelineEntry entry) => new(entry.At, entry.Id);

    /// <summary>The cursor as one token for an address, e.g. a static page's <c>?before=</c>.</summary>
    public string Key => $"{At.UtcTicks}.{Id}";

    /// <summary>The cursor a <see cref="Key"/> names, or null for anything else (the page then shows the newest entries).</summary>
    public static TimelineCursor? Parse(string? key)
    {
        var dot = key?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && dot < key!.Length - 1
            && long.TryParse(key.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new TimelineCursor(new DateTimeOffset(ticks, TimeSpan.Zero), key[(dot + 1)..])
            : null;
    }
}

/// <summary>
/// One page of a timeline, newest first: the entries just older than <see cref="Anchor"/>, or the newest entries when it
/// is null. A page is named by its anchor, so it stays the same page while newer entries arrive above it.
/// </summary>
public sealed record TimelineWindow(IReadOnlyList<TimelineEntry> Entries, TimelineCursor? Anchor, bool HasOlder)
{
    public bool HasNewer => Anchor is not null;
}
