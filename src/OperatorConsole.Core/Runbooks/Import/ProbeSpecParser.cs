using System.Globalization;
using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Reads a <c>```probe</c> block: one directive per line, <c>#</c> starts a comment line.
/// <code>
/// GET /health/ready            (GET|POST|HEAD and an absolute http(s) URL or a path from the console)
/// expect 200                   (default 200)
/// assert $.survival_rate > 0.9 (optional; dotted JSON path, > >= &lt; &lt;= == !=, a number)
/// timeout 5000                 (ms, default 5000, 100..30000)
/// body {"x":1}                 (optional, POST only)
/// </code>
/// </summary>
public static partial class ProbeSpecParser
{
    public const int DefaultTimeoutMs = 5000;
    public const int DefaultExpectedStatus = 200;

    public static ProbeSpec Parse(string block)
    {
        var spec = new ProbeSpec("", "", DefaultExpectedStatus, null, null, null, null, DefaultTimeoutMs);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bodyLine = 0;
        var lines = block.ReplaceLineEndings("\n").Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var directive = space < 0 ? line : line[..space];
            var argument = space < 0 ? "" : line[(space + 1)..].Trim();
            var key = IsMethod(directive) ? "request" : directive.ToLowerInvariant();
            if (!seen.Add(key))
            {
                throw Fail(number, line, $"'{directive}' is given twice.");
            }

            spec = key switch
            {
                "request" => spec with { Method = directive.ToUpperInvariant(), Url = ParseUrl(number, line, argument) },
                "expect" => spec with { ExpectedStatus = ParseInt(number, line, argument, 100, 599, "the expected status") },
                "timeout" => spec with { TimeoutMs = ParseInt(number, line, argument, 100, 30000, "the timeout in ms") },
                "assert" => ParseAssert(spec, number, line, argument),
                "body" when argument.Length > 0 => spec with { Body = argument },
                "body" => throw Fail(number, line, "'body' needs the request body after it."),
                _ => throw Fail(number, line, "unknown directive; use GET/POST/HEAD, expect, assert, timeout or body."),
            };
            bodyLine = key == "body" ? number : bodyLine;
        }

        if (spec.Method.Length == 0)
        {
            throw new DomainValidationException("The probe has no request line such as 'GET /health/ready'.");
        }

        if (spec.Body is not null && spec.Method != "POST")
        {
            throw Fail(bodyLine, lines[bodyLine - 1].Trim(), $"a body is only allowed with POST, not {spec.Method}.");
        }

        return spec;
    }

    private static bool IsMethod(string word) =>
        word.Equals("GET", StringComparison.OrdinalIgnoreCase)
        || word.Equals("POST", StringComparison.OrdinalIgnoreCase)
        || word.Equals("HEAD", StringComparison.OrdinalIgnoreCase);

    /// <summary>The comparators an assertion may use; scheduled health checks accept the same.</summary>
    public static readonly IReadOnlyList<string> Operators = [">", ">=", "<", "<=", "==", "!="];

    /// <summary>An absolute http(s) URL, or a path the console resolves against itself.</summary>
    public static bool IsTarget(string url)
    {
        // "//host" would silently leave the console, so a relative target must be a plain path.
        var isPath = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains(' ', StringComparison.Ordinal);
        var isAbsolute = Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        return isPath || isAbsolute;
    }

    /// <summary>A dotted JSON path such as $.metrics.p99_ms, the only form the probe reads.</summary>
    public static bool IsJsonPath(string path) => JsonPathPattern().IsMatch(path);

    private static string ParseUrl(int number, string line, string url) =>
        IsTarget(url) ? url : throw Fail(number, line, "the target must be an absolute http(s) URL or a path starting with '/'.");

    private static int ParseInt(int number, string line, string text, int min, int max, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Fail(number, line, $"{what} must be a whole number from {min} to {max}.");

    private static ProbeSpec ParseAssert(ProbeSpec spec, int number, string line, string argument)
    {
        var match = AssertPattern().Match(argument);
        if (!match.Success
            || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
        {
            throw Fail(number, line, "write the assertion as '$.path.to.number > 0.9' (operators > >= < <= == !=).");
        }

        return spec with { JsonPath = match.Groups["path"].Value, Operator = match.Groups["op"].Value, Threshold = threshold };
    }

    private static DomainValidationException Fail(int number, string line, string problem) =>
        new($"Probe line {number} (\"{line}\"): {problem}");

    [GeneratedRegex(@"^(?<path>\$(\.[A-Za-z_][A-Za-z0-9_]*)+)\s*(?<op>>=|<=|==|!=|>|<)\s*(?<value>[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?)$")]
    private static partial Regex AssertPattern();

    [GeneratedRegex(@"^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex JsonPathPattern();
}
