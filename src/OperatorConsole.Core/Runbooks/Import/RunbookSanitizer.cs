using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// What of a runbook's HTML reaches the page: no scripts, styles, frames, forms or handlers; comments dropped;
/// classes only the ones the renderer itself writes; links out of the console open without handing it a referrer.
/// </summary>
internal static partial class RunbookSanitizer
{
    private static readonly string[] FormTags =
        ["form", "button", "select", "option", "optgroup", "textarea", "keygen", "datalist", "output", "fieldset", "legend", "label", "menuitem"];

    public static HtmlSanitizer Build()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("open");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.UnionWith(["details", "summary"]);
        sanitizer.AllowedTags.ExceptWith(FormTags);

        // Tables align their cells with style; nothing else may position, hide or cover the page.
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedCssProperties.Add("text-align");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
            {
                Tidy(element);
            }
        };
        return sanitizer;
    }

    private static void Tidy(IElement element)
    {
        // Raw HTML could otherwise borrow the console's own classes (an overlay over the whole page, say).
        if (element.ClassList.Where(c => !OwnClass().IsMatch(c)).ToList() is { Count: > 0 } foreign)
        {
            element.ClassList.Remove([.. foreign]);
        }

        switch (element.LocalName)
        {
            // Task lists render as disabled checkboxes; any other input is a form control.
            case "input" when element.GetAttribute("type") == "checkbox":
                element.SetAttribute("disabled", "disabled");
                break;
            case "input":
                element.Remove();
                break;
            case "a" when element.GetAttribute("href") is { } href && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https":
                element.SetAttribute("rel", "noopener noreferrer");
                break;
        }
    }

    // What Markdig writes (code languages, task lists, footnotes, math, alerts) and the console's marker for an unresolved link.
    [GeneratedRegex(@"^(language-[\w+#.-]+|task-list-item(-checkbox)?|contains-task-list|footnotes?|footnote-[\w-]+|math|markdown-alert(-[a-z]+)?|oc-link-missing)$")]
    private static partial Regex OwnClass();
}
