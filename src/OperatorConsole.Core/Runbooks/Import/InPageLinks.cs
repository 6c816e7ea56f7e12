using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// The console sets &lt;base href="/"&gt;, so a bare "#meaning" would resolve to the home page; written as the
/// document's own path plus the fragment it stays on the page and scrolls to the heading.
/// </summary>
internal static class InPageLinks
{
    public static void Rewrite(MarkdownDocument document, string documentPath)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is ['#', _, ..] url)
            {
                link.Url = documentPath + url;
            }
        }
    }
}
