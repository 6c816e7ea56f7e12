namespace OperatorConsole.Core.Live;

/// <summary>What to tell a person about other people's changes in one batch, so N changes make one notice, not N.</summary>
public static class ChangeDigest
{
    /// <summary>
    /// The one change's summary, or "3 changes by alice, bob" for several; null when none is someone else's
    /// (the person's own changes are already confirmed where they made them).
    /// </summary>
    public static string? OfOthers(IEnumerable<LiveEvent> changes, string myName)
    {
        var others = changes.Where(e => e.Summary is not null && e.ActorName != myName).ToList();
        return others.Count switch
        {
            0 => null,
            1 => others[0].Summary,
            _ => $"{others.Count} changes by {string.Join(", ", others.Select(e => e.ActorName).Distinct(StringComparer.Ordinal))}",
        };
    }
}
