using System.Net;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using OperatorConsole.Core.Runbooks.Files;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Where the relative links of one runbook version point: its files (<see cref="Runbook.Files"/>) and the runbooks
/// imported from other paths of the same repository (<see cref="SlugAtPath"/>).
/// </summary>
public sealed record RunbookLinkContext(string Slug, int Version, string? SourcePath, IReadOnlyList<RunbookFile> Files, Func<string, string?> SlugAtPath);

/// <summary>
/// Rewrites a parsed document's relative links and images before it is rendered: a file kept with the version points
/// at its URL, a link to another imported runbook opens it (keeping the #anchor), and anything that resolves to
/// nothing becomes plain text titled "not imported" instead of a link that would give 404.
/// </summary>
public static class RelativeLinks
{
    public static string FileUrl(string slug, int version, string path) =>
        $"/api/runbooks/{Uri.EscapeDataString(slug)}/v{version}/files/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";

    public static void Rewrite(MarkdownDocument document, RunbookLinkContext context)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.Url is not { } url || RepoPath.Resolve(context.SourcePath, url) is not { } target)
            {
                continue;
            }

            if (Href(context, target, url, link.IsImage) is { } href)
            {
                link.Url = href;
            }
            else
            {
                Unlink(link, target);
            }
        }
    }

    /// <summary>
    /// Where a reference to the repository path <paramref name="target"/> (written as <paramref name="url"/>) opens:
    /// the URL of a file kept with the version, the page of the runbook imported from that path, or null for nothing.
    /// </summary>
    internal static string? Href(RunbookLinkContext context, string target, string url, bool isImage)
    {
        var fragment = url.Contains('#', StringComparison.Ordinal) ? url[url.IndexOf('#', StringComparison.Ordinal)..] : "";
        return context.Files.Any(f => f.Path == target) ? FileUrl(context.Slug, context.Version, target)
            : !isImage && RunbookFileTypes.IsMarkdown(target) && context.SlugAtPath(target) is { } slug ? $"/runbooks/{Uri.EscapeDataString(slug)}{fragment}"
            : null;
    }

    private static void Unlink(LinkInline link, string target)
    {
        link.InsertBefore(new HtmlInline(
            $"<span class=\"oc-link-missing\" title=\"{WebUtility.HtmlEncode($"not imported: {target}")}\">"));
        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.InsertBefore(new HtmlInline("</span>"));
        link.Remove();
    }
}
