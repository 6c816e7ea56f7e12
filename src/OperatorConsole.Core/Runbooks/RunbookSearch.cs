namespace OperatorConsole.Core.Runbooks;

public sealed record RunbookFilter(string? Text = null, Priority? Priority = null, string? Tag = null);

public static class RunbookSearch
{
    public static IEnumerable<Runbook> Apply(IEnumerable<Runbook> runbooks, RunbookFilter filter)
    {
        var terms = (filter.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return runbooks
            .Where(r => filter.Priority is null || r.Priority == filter.Priority)
            .Where(r => string.IsNullOrWhiteSpace(filter.Tag) || r.Tags.Contains(filter.Tag, StringComparer.OrdinalIgnoreCase))
            .Where(r => terms.All(t => Matches(r, t)))
            .OrderBy(r => r.Priority == Priority.None ? int.MaxValue : (int)r.Priority)
            .ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase);
    }

    private static bool Matches(Runbook runbook, string term) =>
        runbook.Title.Contains(term, StringComparison.OrdinalIgnoreCase)
        || runbook.Source.Contains(term, StringComparison.OrdinalIgnoreCase)
        || runbook.Tags.Any(t => t.Contains(term, StringComparison.OrdinalIgnoreCase));
}
