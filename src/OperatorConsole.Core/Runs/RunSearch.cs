namespace OperatorConsole.Core.Runs;

public enum RunSort
{
    Started,
    Runbook,
    Status,
    Progress,
    StartedBy,
}

/// <summary>What the runs list asks for: free text, a status, an order and one page.</summary>
public sealed record RunQuery(
    string? Text = null, RunStatus? Status = null, RunSort Sort = RunSort.Started, bool Descending = true, int Skip = 0, int Take = RunQuery.DefaultTake)
{
    public const int DefaultTake = 25;
    public const int MaxTake = 200;

    /// <summary>The newest runs a search looks through; older ones are reached through their runbook.</summary>
    public const int MaxScanned = 5000;
}

public sealed record RunSearchResult(IReadOnlyList<RunbookRun> Items, int Total, int Skip, int Take);

/// <summary>Filters, orders and pages runs: text matches the runbook's title or slug, the run or incident id, or who started it.</summary>
public static class RunSearch
{
    public static RunSearchResult Apply(IReadOnlyList<RunbookRun> runs, RunQuery query)
    {
        var text = query.Text?.Trim();
        var take = Math.Clamp(query.Take, 1, RunQuery.MaxTake);
        var skip = Math.Max(0, query.Skip);
        var matches = runs.Where(r => query.Status is null || r.Status == query.Status)
            .Where(r => string.IsNullOrEmpty(text) || Has(r.RunbookTitle, text) || Has(r.RunbookSlug, text) || Has(r.Id, text)
                || Has(r.IncidentId, text) || Has(r.StartedBy, text))
            .ToList();
        var ordered = Order(matches, query.Sort, query.Descending).ToList();
        return new RunSearchResult([.. ordered.Skip(skip).Take(take)], ordered.Count, skip, take);
    }

    private static bool Has(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;

    private static IEnumerable<RunbookRun> Order(IEnumerable<RunbookRun> runs, RunSort sort, bool descending)
    {
        Func<RunbookRun, IComparable> key = sort switch
        {
            RunSort.Runbook => r => r.RunbookTitle.ToUpperInvariant(),
            RunSort.Status => r => r.Status,
            RunSort.Progress => r => r.Progress,
            RunSort.StartedBy => r => r.StartedBy.ToUpperInvariant(),
            _ => r => r.StartedAt,
        };

        // Ties fall back to newest first, so paging is stable.
        return descending
            ? runs.OrderByDescending(key).ThenByDescending(r => r.StartedAt)
            : runs.OrderBy(key).ThenByDescending(r => r.StartedAt);
    }
}
