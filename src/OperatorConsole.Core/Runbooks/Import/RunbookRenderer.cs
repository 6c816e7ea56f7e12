using System.Net;
using System.Text;
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

    /// <summary>
    /// A step's text as safe HTML with its links live where <see cref="StepLinkHref"/> allows, or null when the step
    /// has no links (then its text is shown as text).
    /// </summary>
    public string? StepHtml(RunbookStep step, RunbookLinkContext? links)
    {
        if (step.Links is not { Count: > 0 } stepLinks)
        {
            return null;
        }

        var html = new StringBuilder();
        var at = 0;
        foreach (var link in stepLinks)
        {
            var start = step.Text.IndexOf(link.Text, at, StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(step.Text[at..start]));
            var text = WebUtility.HtmlEncode(link.Text);
            html.Append(StepLinkHref.Of(link.Url, links) is { } href ? $"<a href=\"{WebUtility.HtmlEncode(href)}\">{text}</a>" : text);
            at = start + link.Text.Length;
        }

        html.Append(WebUtility.HtmlEncode(step.Text[at..]));
        return _sanitizer.Sanitize(html.ToString());
    }

    private static string Render(string markdown, MarkdownPipeline pipeline, string? documentPath, RunbookLinkContext? links)
    {
        var document = Markdown.Parse(HugoRefLinks.Unwrap(markdown), pipeline);
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
