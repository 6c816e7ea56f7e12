using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.GenericAttributes;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>Renders runbook Markdown to HTML that is safe to insert into a page.</summary>
public sealed class RunbookRenderer
{
    private static readonly string[] FormTags =
        ["form", "button", "select", "option", "optgroup", "textarea", "keygen", "datalist", "output", "fieldset", "legend", "label", "menuitem"];

    private readonly MarkdownPipeline _pipeline = BuildPipeline();
    private readonly HtmlSanitizer _sanitizer = BuildSanitizer();

    /// <summary>The document as safe HTML; with <paramref name="links"/>, its relative links point where they resolve.</summary>
    public string ToSafeHtml(string markdown, RunbookLinkContext? links = null)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        if (links is not null)
        {
            RelativeLinks.Rewrite(document, links);
        }

        return _sanitizer.Sanitize(document.ToHtml(_pipeline));
    }

    private static MarkdownPipeline BuildPipeline()
    {
        // Front matter is metadata (title, tags, priority), shown by the page itself, not part of the document body.
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseYamlFrontMatter().DisableHtml();

        // "{onclick=… .class}" would let a document write attributes; the sanitizer would catch
        // handlers, but classes could still borrow the console's own styling.
        builder.Extensions.RemoveAll(extension => extension is GenericAttributesExtension);
        return builder.Build();
    }

    // Raw HTML is already off in Markdig; the sanitizer is the second wall in case an extension
    // or a Markdig bug ever lets markup through.
    private static HtmlSanitizer BuildSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Add("mailto");
        foreach (var tag in FormTags)
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        // Task lists render as disabled checkboxes; any other input is a form control.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "input" } input)
            {
                if (input.GetAttribute("type") == "checkbox")
                {
                    input.SetAttribute("disabled", "disabled");
                }
                else
                {
                    input.Remove();
                }
            }
        };
        return sanitizer;
    }
}
