using System.Text.RegularExpressions;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Finds the alert a runbook is written for in its title: "KubePodCrashLooping", "Alert: HighErrorRate",
/// "KubeletDown - Kubelet is down". A CamelCase word only counts when it stands alone or before a separator,
/// so "PgBouncer connection saturation" names a product, not an alert.
/// </summary>
internal static partial class AlertNames
{
    public static string? InTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var prefixed = Prefixed().Match(title);
        if (prefixed.Success)
        {
            return prefixed.Groups["name"].Value;
        }

        var leading = Leading().Match(title);
        return leading.Success && IsCamelCase(leading.Groups["name"].Value) ? leading.Groups["name"].Value : null;
    }

    /// <summary>
    /// kube-prometheus pages carry the alert as their heading and spell it out as the front-matter title
    /// ("Kube Pod Crash Looping" over "# KubePodCrashLooping", "Watchdog" over "# Watchdog"): then the heading is the alert.
    /// </summary>
    public static string? SpelledOut(string? frontMatterTitle, string? heading) =>
        frontMatterTitle is not null && heading is not null && Identifier().IsMatch(heading)
        && string.Equals(frontMatterTitle.Replace(" ", "", StringComparison.Ordinal), heading, StringComparison.OrdinalIgnoreCase)
            ? heading
            : null;

    /// <summary>An "Alert: X" line names its alert when X is one identifier.</summary>
    public static string? Identifier(string text) => Identifier().Match(text.Trim()) is { Success: true } m ? m.Value : null;

    // A lower-case letter followed by an upper-case one: "etcdMembersDown", "KubeAPIDown", but not "Watchdog" or "API".
    private static bool IsCamelCase(string word) => LowerThenUpper().IsMatch(word);

    [GeneratedRegex(@"^(?:alert|runbook)\s*:\s*(?<name>[A-Za-z][A-Za-z0-9_:.-]{2,100})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9_]{2,100})(?:\s*$|\s+[-–—]\s|\s*:\s|\s+\()")]
    private static partial Regex Leading();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_:.-]{2,100}$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[a-z0-9][A-Z]")]
    private static partial Regex LowerThenUpper();
}
