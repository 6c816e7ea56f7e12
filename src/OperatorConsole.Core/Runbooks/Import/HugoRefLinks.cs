using System.Text.RegularExpressions;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Hugo sites (prometheus-operator/runbooks) link pages with a shortcode, <c>[Files filling up]({{&lt; ref
/// "./NodeFilesystemFilesFillingUp.md" &gt;}})</c>, which is no link at all to Markdown: the words and the shortcode
/// would show as text. Before parsing, the shortcode is blanked down to the path it names, padded with spaces that a
/// link destination may hold, so the text keeps its length (section bodies are cut from the stored source by the
/// parser's offsets) and the link resolves like any relative link.
/// </summary>
internal static partial class HugoRefLinks
{
    public static string Unwrap(string markdown) =>
        markdown.Contains("{{", StringComparison.Ordinal)
            ? RefLink().Replace(markdown, m =>
                "](" + new string(' ', m.Groups["open"].Length) + m.Groups["path"].Value + new string(' ', m.Groups["close"].Length) + ")")
            : markdown;

    [GeneratedRegex("""\]\((?<open>[ ]*\{\{[<%][ ]*(?:rel)?ref[ ]+"?)(?<path>[^"\s(){}<>]+)(?<close>"?[ ]*[>%]\}\}[ ]*)\)""")]
    private static partial Regex RefLink();
}
