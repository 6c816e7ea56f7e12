namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Maps the severity words of alerting tools onto the console's scale. Critical (or page, SEV-1, P0) is P0 and
/// SEV-1; high (major, error) is P1 and SEV-2; warning (medium, minor) is P2 and SEV-3; info (low) is P3 with no
/// SEV level, since SEV-n names incidents and an informational alert is not one.
/// </summary>
internal static class SeverityScale
{
    private static readonly Dictionary<string, (Priority Priority, string? Severity)> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["critical"] = (Priority.P0, "SEV-1"),
        ["crit"] = (Priority.P0, "SEV-1"),
        ["fatal"] = (Priority.P0, "SEV-1"),
        ["emergency"] = (Priority.P0, "SEV-1"),
        ["page"] = (Priority.P0, "SEV-1"),
        ["sev1"] = (Priority.P0, "SEV-1"),
        ["p0"] = (Priority.P0, "SEV-1"),
        ["high"] = (Priority.P1, "SEV-2"),
        ["major"] = (Priority.P1, "SEV-2"),
        ["error"] = (Priority.P1, "SEV-2"),
        ["sev2"] = (Priority.P1, "SEV-2"),
        ["p1"] = (Priority.P1, "SEV-2"),
        ["warning"] = (Priority.P2, "SEV-3"),
        ["warn"] = (Priority.P2, "SEV-3"),
        ["medium"] = (Priority.P2, "SEV-3"),
        ["moderate"] = (Priority.P2, "SEV-3"),
        ["minor"] = (Priority.P2, "SEV-3"),
        ["sev3"] = (Priority.P2, "SEV-3"),
        ["p2"] = (Priority.P2, "SEV-3"),
        ["info"] = (Priority.P3, null),
        ["informational"] = (Priority.P3, null),
        ["low"] = (Priority.P3, null),
        ["notice"] = (Priority.P3, null),
        ["p3"] = (Priority.P3, null),
    };

    /// <summary>Reads "Critical", "warning", "SEV-2" or "P1 (high)": the first word decides.</summary>
    public static bool TryRead(string? text, out Priority priority, out string? severity)
    {
        var word = (text ?? "").Trim().Split([' ', '(', ',', '/'], 2)[0].Replace("-", "", StringComparison.Ordinal);
        var found = Levels.TryGetValue(word, out var level);
        (priority, severity) = found ? level : (Priority.None, null);
        return found;
    }
}
