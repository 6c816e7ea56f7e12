using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks;

public sealed record RunbookFilter(string? Text = null, Priority? Priority = null, string? Tag = null);

/// <summary>A filter plus the slice of the ranked result to return.</summary>
public sealed record RunbookQuery(RunbookFilter Filter, int Skip = 0, int Take = RunbookQuery.DefaultTake)
{
    public const int DefaultTake = 25;
    public const int MaxTake = 200;
    public const int MaxText = 200;

    /// <summary>Refuses a query a client could not have meant (negative offsets, huge pages, essay-long search text).</summary>
    public void Validate()
    {
        List<FieldProblem> problems = [];
        if (Skip < 0)
        {
            problems.Add(new FieldProblem("skip", "skip must be 0 or more."));
        }

        if (Take is < 1 or > MaxTake)
        {
            problems.Add(new FieldProblem("take", $"take must be between 1 and {MaxTake}."));
        }

        if (Filter.Text is { Length: > MaxText })
        {
            problems.Add(new FieldProblem("q", $"The search text is at most {MaxText} characters."));
        }

        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }
    }
}

/// <summary>What the library list shows for one runbook, without its source or sections.</summary>
public sealed record RunbookSummary(
    string Slug, int Version, string Title, Priority Priority, IReadOnlyList<string> Tags, int Steps, DateTimeOffset ImportedAt, int Warnings)
{
    public static RunbookSummary From(Runbook r) =>
        new(r.Slug, r.Version, r.Title, r.Priority, r.Tags, r.AllSteps.Count(), r.ImportedAt, r.Warnings.Count);
}

/// <summary>One page of a ranked search; <see cref="Total"/> counts every match, not just this page.</summary>
public sealed record RunbookPage(IReadOnlyList<RunbookSummary> Items, int Total, int Skip, int Take);

/// <summary>
/// Filters and ranks runbooks. The best match for what an operator types is usually a name they know (the title or the
/// alert name), so: an exact title or alias, then a title starting with or containing the text, then an alias or
/// tag, then the text of a step or its command, then anywhere in the document. Ties go by priority, then title.
/// </summary>
public static class RunbookSearch
{
    public static IEnumerable<Runbook> Apply(IEnumerable<Runbook> runbooks, RunbookFilter filter)
    {
        var text = (filter.Text ?? string.Empty).Trim();
        var terms = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return runbooks
            .Where(r => filter.Priority is null || r.Priority == filter.Priority)
            .Where(r => string.IsNullOrWhiteSpace(filter.Tag) || r.Tags.Contains(filter.Tag, StringComparer.OrdinalIgnoreCase))
            // Without search text every runbook that passes the filters ranks alike.
            .Select(r => (Runbook: r, Rank: terms.Length == 0 ? SearchRank.ExactName : SearchRanking.Of(r, text, terms)))
            .Where(m => m.Rank != SearchRank.NoMatch)
            .OrderBy(m => m.Rank)
            .ThenBy(m => m.Runbook.Priority == Priority.None ? int.MaxValue : (int)m.Runbook.Priority)
            .ThenBy(m => m.Runbook.Title, StringComparer.OrdinalIgnoreCase)
            .Select(m => m.Runbook);
    }

    public static RunbookPage Page(IEnumerable<Runbook> runbooks, RunbookQuery query)
    {
        query.Validate();
        var ranked = Apply(runbooks, query.Filter).ToList();
        return new RunbookPage([.. ranked.Skip(query.Skip).Take(query.Take).Select(RunbookSummary.From)], ranked.Count, query.Skip, query.Take);
    }
}
