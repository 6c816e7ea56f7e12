using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Alerts;

/// <summary>
/// Which imported runbook comes with an alert, in this order: the <c>runbook_url</c> annotation when it points at this
/// console's /runbooks/{slug} or equals (or ends with) a runbook's source path; then the alertname equal to a runbook's
/// alias, then to its title (both case-insensitive); then the routing rule's runbook. None when nothing fits.
/// </summary>
public static class RunbookLookup
{
    public const string RunbookUrlAnnotation = "runbook_url";

    public static string? Find(IReadOnlyList<Runbook> runbooks, IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string> annotations, string? ruleRunbook)
    {
        if (annotations.TryGetValue(RunbookUrlAnnotation, out var url) && ByUrl(runbooks, url.Trim()) is { } linked)
        {
            return linked.Slug;
        }

        if (labels.TryGetValue("alertname", out var name) && !string.IsNullOrWhiteSpace(name))
        {
            var byName = runbooks.FirstOrDefault(r => r.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
                ?? runbooks.FirstOrDefault(r => string.Equals(r.Title, name, StringComparison.OrdinalIgnoreCase));
            if (byName is not null)
            {
                return byName.Slug;
            }
        }

        return ruleRunbook is not null && runbooks.Any(r => r.Slug == ruleRunbook) ? ruleRunbook : null;
    }

    private static Runbook? ByUrl(IReadOnlyList<Runbook> runbooks, string url)
    {
        if (url.Length == 0)
        {
            return null;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath
            : Uri.TryCreate(url, UriKind.Relative, out _) ? url.Split('?', '#')[0] : null;
        if (path is not null && path.StartsWith("/runbooks/", StringComparison.Ordinal))
        {
            var slug = Uri.UnescapeDataString(path["/runbooks/".Length..].Split('/')[0]);
            if (runbooks.FirstOrDefault(r => r.Slug == slug) is { } bySlug)
            {
                return bySlug;
            }
        }

        return runbooks.FirstOrDefault(r => r.SourcePath is { Length: > 0 } source
            && (url == source || url.EndsWith("/" + source.TrimStart('/'), StringComparison.Ordinal)));
    }
}
