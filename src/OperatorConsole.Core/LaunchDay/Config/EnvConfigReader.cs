using System.Text;
using System.Text.RegularExpressions;

namespace OperatorConsole.Core.LaunchDay.Config;

/// <summary>
/// An env file: KEY=VALUE per line, <c>export </c> allowed, # comments (whole lines, or after a space in an unquoted
/// value), values in double quotes (with \n \" \\ escapes) or single quotes (literal).
/// </summary>
internal static partial class EnvConfigReader
{
    public static IReadOnlyDictionary<string, string> Read(string text)
    {
        var keys = new FlatKeys();
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Assignment().Match(line);
            if (!match.Success)
            {
                // The line is not echoed: it may be a secret written the wrong way.
                throw ConfigSnapshotParser.Invalid($"Line {n + 1} of the env config is not KEY=VALUE (nor a # comment).");
            }

            keys.Add(match.Groups["key"].Value, Value(match.Groups["value"].Value, n + 1), $"line {n + 1}");
        }

        return keys.Values;
    }

    private static string Value(string raw, int line) => raw.Length == 0 ? raw : raw[0] switch
    {
        '"' => DoubleQuoted(raw, line),
        '\'' => Quoted(raw, '\'', line),
        _ => Unquoted(raw),
    };

    private static string Unquoted(string raw)
    {
        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? raw[..comment] : raw).Trim();
    }

    private static string Quoted(string raw, char quote, int line)
    {
        var end = raw.IndexOf(quote, 1);
        if (end < 0)
        {
            throw ConfigSnapshotParser.Invalid($"Line {line} of the env config opens a quote it never closes.");
        }

        EnsureOnlyCommentAfter(raw[(end + 1)..], line);
        return raw[1..end];
    }

    private static string DoubleQuoted(string raw, int line)
    {
        var value = new StringBuilder();
        for (var i = 1; i < raw.Length; i++)
        {
            var ch = raw[i];
            if (ch == '"')
            {
                EnsureOnlyCommentAfter(raw[(i + 1)..], line);
                return value.ToString();
            }

            if (ch == '\\' && i + 1 < raw.Length)
            {
                ch = raw[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other };
            }

            value.Append(ch);
        }

        throw ConfigSnapshotParser.Invalid($"Line {line} of the env config opens a quote it never closes.");
    }

    private static void EnsureOnlyCommentAfter(string rest, int line)
    {
        var trimmed = rest.Trim();
        if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
        {
            throw ConfigSnapshotParser.Invalid($"Line {line} of the env config has text after its closing quote.");
        }
    }

    [GeneratedRegex(@"^(?:export\s+)?(?<key>[A-Za-z_][A-Za-z0-9_.\-]*)\s*=\s*(?<value>.*)$")]
    private static partial Regex Assignment();
}
