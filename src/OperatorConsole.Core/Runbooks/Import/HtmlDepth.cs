namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// How deep elements nest in rendered HTML, counted in one pass over the tags. Unclosed tags count as open, so a
/// document the browser would repair can only be over-counted, never under-counted.
/// </summary>
internal static class HtmlDepth
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    public static bool Exceeds(string html, int limit)
    {
        var depth = 0;
        for (var i = html.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            if (html[i + 1] == '/')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            var end = i + 1;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }

            var close = html.IndexOf('>', end);
            if (end == i + 1 || close < 0 || html[close - 1] == '/' || VoidElements.Contains(html[(i + 1)..end]))
            {
                continue;
            }

            if (++depth > limit)
            {
                return true;
            }
        }

        return false;
    }
}
