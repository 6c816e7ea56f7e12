namespace OperatorConsole.Core.Runbooks;

/// <summary>How well a runbook matches search text; lower sorts first.</summary>
internal enum SearchRank
{
    ExactName,
    TitlePrefix,
    TitleContains,
    AliasOrTag,
    StepText,
    Anywhere,
    NoMatch,
}

internal static class SearchRanking
{
    private const StringComparison IgnoreCase = StringComparison.OrdinalIgnoreCase;

    /// <summary>The best rank at which every term matches; <see cref="SearchRank.NoMatch"/> when some term is nowhere.</summary>
    public static SearchRank Of(Runbook runbook, string text, string[] terms)
    {
        if (string.Equals(runbook.Title, text, IgnoreCase) || runbook.Aliases.Any(a => string.Equals(a, text, IgnoreCase)))
        {
            return SearchRank.ExactName;
        }

        if (runbook.Title.StartsWith(text, IgnoreCase))
        {
            return SearchRank.TitlePrefix;
        }

        if (terms.All(t => runbook.Title.Contains(t, IgnoreCase)))
        {
            return SearchRank.TitleContains;
        }

        if (terms.All(t => InName(runbook, t)))
        {
            return SearchRank.AliasOrTag;
        }

        if (terms.All(t => InName(runbook, t) || InSteps(runbook, t)))
        {
            return SearchRank.StepText;
        }

        return terms.All(t => InName(runbook, t) || InSteps(runbook, t) || runbook.Source.Contains(t, IgnoreCase))
            ? SearchRank.Anywhere
            : SearchRank.NoMatch;
    }

    private static bool InName(Runbook runbook, string term) =>
        runbook.Title.Contains(term, IgnoreCase)
        || runbook.Aliases.Any(a => a.Contains(term, IgnoreCase))
        || runbook.Tags.Any(t => t.Contains(term, IgnoreCase));

    private static bool InSteps(Runbook runbook, string term) =>
        runbook.AllSteps.Any(s => s.Text.Contains(term, IgnoreCase) || (s.Command?.Contains(term, IgnoreCase) ?? false));
}
