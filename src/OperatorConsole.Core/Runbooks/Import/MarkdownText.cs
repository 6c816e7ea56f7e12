using System.Globalization;
using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax.Inlines;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>Plain text out of Markdig inlines: markup dropped, line breaks kept as '\n'.</summary>
internal static class MarkdownText
{
    public static string Plain(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(text, container);
        return text.ToString();
    }

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A heading or title without emoji decoration ("🛡️ **Security**" → "Security").</summary>
    public static string Title(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsDecoration(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        return Collapse(kept.ToString());
    }

    // Latin-1 symbols such as ° or © carry meaning; pictographs above them are decoration.
    private static bool IsDecoration(Rune rune) =>
        (rune.Value > 0xFF && Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol)
        || rune.Value is (>= 0xFE00 and <= 0xFE0F) or 0x200D or 0x20E3 or (>= 0x1F3FB and <= 0x1F3FF);

    private static void Append(StringBuilder text, Inline? inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case TaskList or HtmlInline:
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(text, child);
                }

                break;
        }
    }
}
