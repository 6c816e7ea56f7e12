using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.GenericAttributes;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>Renders runbook Markdown to HTML that is safe to insert into a page.</summary>
public sealed class RunbookRenderer
{
    private const int MaxHtmlDepth = 128;

    private readonly MarkdownPipeline _pipeline = BuildPipeline(html: true);
    private readonly MarkdownPipeline _textPipeline = BuildPipeline(html: false);
    private readonly HtmlSanitizer _sanitizer = RunbookSanitizer.Build();

    /// <summary>
    /// The document as safe HTML. With <paramref name="documentPath"/> (where the page shows it, e.g. /runbooks/x),
    /// in-page <c>#anchor</c> links point at that path, so they scroll within the document instead of resolving
    /// against the site root; with <paramref name="links"/>, its relative links point where they resolve.
    /// </summary>
    public string ToSafeHtml(string markdown, string? documentPath = null, RunbookLinkContext? links = null)
    {
        var html = Render(markdown, _pipeline, documentPath, links);

        // Raw HTML nested thousands deep would take the sanitizer down (it recurses per level); no runbook needs
        // that, so such a document shows its markup as text.
        if (HtmlDepth.Exceeds(html, MaxHtmlDepth))
        {
            html = Render(markdown, _textPipeline, documentPath, links);
        }

        return _sanitizer.Sanitize(html);
    }

    private static string Render(string markdown, MarkdownPipeline pipeline, string? documentPath, RunbookLinkContext? links)
    {
        var document = Markdown.Parse(markdown, pipeline);
        if (links is not null)
        {
            RelativeLinks.Rewrite(document, links);
        }

        if (documentPath is not null)
        {
            InPageLinks.Rewrite(document, documentPath);
        }

        return document.ToHtml(pipeline);
    }

    private static MarkdownPipeline BuildPipeline(bool html)
    {
        // Heading ids as GitHub makes them, so the #anchors written for GitHub find their heading here. Raw HTML is
        // parsed (runbooks use <details>, <kbd>, comments) and left to the sanitizer; front matter is metadata, shown
        // by the page itself, not part of the document body.
        var builder = new MarkdownPipelineBuilder()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseAdvancedExtensions()
            .UseYamlFrontMatter();

        // "{onclick=… .class}" would let a document write attributes; the sanitizer would catch
        // handlers, but classes could still borrow the console's own styling.
        builder.Extensions.RemoveAll(extension => extension is GenericAttributesExtension);
        return html ? builder.Build() : builder.DisableHtml().Build();
    }
}
