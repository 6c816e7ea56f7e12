using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Tests.Runbooks.Import.Corpus;

/// <summary>
/// How an imported step is matched with a golden one. A command step matches on kind, command and expected
/// output; any other step on kind and text. Whitespace is collapsed line by line (indentation and CRLF are the
/// writer's layout, not the command), blank lines are dropped, and text is compared case-insensitively without a
/// trailing colon or full stop. Steps are matched as multisets, so the same command twice must appear twice.
/// </summary>
internal static class StepMatch
{
    public static string Key(RunbookStep step) =>
        KeyOf(step.Kind.ToString(), step.Text, step.Command, step.ExpectedOutput);

    public static string Key(GoldenStep step) =>
        KeyOf(step.Kind, step.Title, step.Command, step.ExpectedOutput);

    /// <summary>The keys of <paramref name="actual"/> and <paramref name="expected"/> left over after pairing equal keys.</summary>
    public static (List<string> Unexpected, List<string> Missing) Compare(IEnumerable<string> actual, IEnumerable<string> expected)
    {
        var unmatched = expected.ToList();
        var unexpected = new List<string>();
        foreach (var key in actual)
        {
            if (!unmatched.Remove(key))
            {
                unexpected.Add(key);
            }
        }

        return (unexpected, unmatched);
    }

    /// <summary>How many golden steps are found with the golden's own title (a command's title is not part of its key).</summary>
    public static int SameTitles(IReadOnlyList<RunbookStep> actual, IReadOnlyList<GoldenStep> expected)
    {
        var titles = actual.Select(s => $"{Key(s)} | {Text(s.Text)}").ToList();
        return expected.Count(g => titles.Remove($"{Key(g)} | {Text(g.Title)}"));
    }

    private static string KeyOf(string kind, string? text, string? command, string? output) =>
        kind == nameof(StepKind.Command)
            ? $"{kind}: {Block(command)}{(output is null ? "" : $" => {Block(output)}")}"
            : $"{kind}: {Text(text)}";

    private static string Block(string? text) =>
        string.Join("\n", (text ?? "").Split('\n').Select(Collapse).Where(l => l.Length > 0));

    private static string Text(string? text) => Collapse(text ?? "").TrimEnd('.', ':', ' ').ToLowerInvariant();

    private static string Collapse(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
