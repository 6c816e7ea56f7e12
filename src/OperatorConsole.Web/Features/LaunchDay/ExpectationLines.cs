namespace OperatorConsole.Web.Features.LaunchDay;

/// <summary>
/// Reads the create form's text areas as typed: "key = value" lines and name lines. A line without '=' is kept as a key with
/// an empty value, so Core's validation names it rather than the form dropping it silently.
/// </summary>
public static class ExpectationLines
{
    public static IReadOnlyDictionary<string, string> Pairs(string? text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(text))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = at < 0 ? (line, string.Empty) : (line[..at].Trim(), line[(at + 1)..].Trim());
            pairs[key] = value;
        }

        return pairs;
    }

    public static IReadOnlyList<string> Names(string? text) => [.. Lines(text).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
