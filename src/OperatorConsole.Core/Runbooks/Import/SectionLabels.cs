using System.Text.RegularExpressions;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>The words runbooks use to say what a part is for, and the P0–P3 / SEV-n markers.</summary>
internal static partial class SectionLabels
{
    private static readonly Dictionary<string, SectionRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Purpose"] = SectionRole.Purpose,
        ["Goal"] = SectionRole.Purpose,
        ["Trigger"] = SectionRole.Trigger,
        ["Scenario"] = SectionRole.Trigger,
        ["Use when"] = SectionRole.UseWhen,
        ["When to use"] = SectionRole.UseWhen,
        ["Steps"] = SectionRole.Steps,
        ["Procedure"] = SectionRole.Steps,
        ["Actions"] = SectionRole.Steps,
        ["Primary actions"] = SectionRole.Steps,
        ["Required response"] = SectionRole.Steps,
        ["Verification"] = SectionRole.Verification,
        ["Closure condition"] = SectionRole.ClosureCondition,
        ["Closure conditions"] = SectionRole.ClosureCondition,
    };

    /// <summary>"Verification" or "Closure condition" name a role; other words are General.</summary>
    public static SectionRole RoleOfLabel(string label) => Roles.GetValueOrDefault(label, SectionRole.General);

    /// <summary>"3. Steps" → "Steps", "A) The panic button" → "The panic button".</summary>
    public static string WithoutNumbering(string title) => HeadingNumber().Replace(title, "");

    /// <summary>
    /// Reads "Trigger: text" (bold or plain); only known role words count as labels. A label alone on its line that
    /// names an actionable part the way a heading would ("**Remediation recommendations:**", "Mitigation:") opens
    /// that part too: some repositories write their parts as bold labels rather than headings.
    /// </summary>
    public static bool TryReadRoleLabel(string line, out SectionRole role, out string label, out string rest)
    {
        var match = Label().Match(line);
        label = match.Groups["label"].Value.Trim();
        rest = match.Groups["rest"].Value.Trim();
        role = !match.Success ? SectionRole.General
            : Roles.TryGetValue(label, out var named) ? named
            : rest.Length == 0 && SectionVocabulary.RoleOf(label) is var heading && SectionVocabulary.IsActionable(heading) ? heading
            : SectionRole.General;
        return role != SectionRole.General;
    }

    /// <summary>"Expected output:", "Example output", "Sample output:", "Output:", "You should see something like:".</summary>
    public static bool IsExpectedOutputLabel(string line) => ExpectedOutput().IsMatch(line);

    /// <summary>"Severity: Critical" (bold or plain) states the runbook's severity.</summary>
    public static string? SeverityLine(string line) => Metadata().Match(line) is { Success: true } m && m.Groups["key"].Value.Equals("severity", StringComparison.OrdinalIgnoreCase)
        ? m.Groups["value"].Value
        : null;

    /// <summary>"Alert: KubePodCrashLooping" or "Alert name: X" names the alert the runbook answers.</summary>
    public static string? AlertLine(string line) => Metadata().Match(line) is { Success: true } m && !m.Groups["key"].Value.Equals("severity", StringComparison.OrdinalIgnoreCase)
        ? AlertNames.Identifier(m.Groups["value"].Value)
        : null;

    /// <summary>A short caption such as "Command:" introduces what follows without describing it.</summary>
    public static bool IsCaption(string line) =>
        line.EndsWith(':') && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4;

    public static Priority PriorityIn(string text)
    {
        var match = PriorityMarker().Match(text);
        return match.Success ? Priority.P0 + (match.Groups[1].Value[0] - '0') : Priority.None;
    }

    public static IEnumerable<string> SeveritiesIn(string text) =>
        SeverityMarker().Matches(text).Select(m => $"SEV-{m.Groups[1].Value}");

    [GeneratedRegex(@"^\s*([0-9]+(\.[0-9]+)*\.?|[A-Za-z]\))\s+")]
    private static partial Regex HeadingNumber();

    [GeneratedRegex(@"^(?<label>[A-Za-z][A-Za-z ]{1,30}):\s*(?<rest>.*)$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(?:(?:expected|example|sample|typical)(?:\s+\w+)?\s+output|expected|output|you should see(?:\s+something\s+like)?|(?:the\s+)?output\s+(?:should\s+)?looks?\s+like(?:\s+this)?)\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex ExpectedOutput();

    [GeneratedRegex(@"^(?<key>severity|alert|alert\s?name)\s*:\s*(?<value>\S.{0,100})$", RegexOptions.IgnoreCase)]
    private static partial Regex Metadata();

    [GeneratedRegex(@"\bP([0-3])\b")]
    private static partial Regex PriorityMarker();

    [GeneratedRegex(@"\bSEV-?([1-3])\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeverityMarker();
}
