namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// What a heading says its section is for. Alert runbooks in the wild name their parts with a small vocabulary
/// (Meaning / Impact / Diagnosis / Mitigation, Summary / Procedure / Verification / Rollback…): the actionable
/// names hold the steps an operator follows, the descriptive ones hold text to read first.
/// </summary>
internal static class SectionVocabulary
{
    // Whole headings, compared after numbering and a trailing colon or question mark are removed.
    private static readonly Dictionary<string, SectionRole> Phrases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["What does this alert mean"] = SectionRole.Context,
        ["What it means"] = SectionRole.Context,
        ["Possible causes"] = SectionRole.Context,
        ["Root cause"] = SectionRole.Context,
        ["Alert details"] = SectionRole.Context,
        ["See also"] = SectionRole.Context,
        ["Severity model"] = SectionRole.Context,
        ["Severity levels"] = SectionRole.Context,
        ["What to do"] = SectionRole.Steps,
        ["How to fix"] = SectionRole.Steps,
        ["Immediate actions"] = SectionRole.Steps,
        ["Next steps"] = SectionRole.Steps,
    };

    // The first word decides otherwise: "Mitigation for stuck pods", "Steps to resolve", "Rollback plan".
    private static readonly Dictionary<string, SectionRole> FirstWords = Words(SectionRole.Steps,
            "diagnosis", "diagnose", "diagnostics", "investigation", "investigate", "troubleshooting", "troubleshoot", "triage",
            "debugging", "debug", "mitigation", "mitigations", "mitigate", "remediation", "remediate", "resolution", "resolve",
            "fix", "procedure", "procedures", "steps", "actions", "response", "recovery", "recover", "rollback", "restore",
            "workaround", "workarounds", "decision", "checklist", "communication", "communications", "communicate", "comms")
        .Concat(Words(SectionRole.Verification, "verification", "verify", "validation", "validate"))
        .Concat(Words(SectionRole.Context,
            "meaning", "summary", "overview", "description", "impact", "causes", "symptoms", "escalation", "escalations",
            "references", "related", "background", "context", "details", "links", "notes", "dashboards", "owner", "owners",
            "ownership", "contacts", "about"))
        .ToDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The role a heading names, or <see cref="SectionRole.General"/> when it names none.</summary>
    public static SectionRole RoleOf(string title)
    {
        var bare = SectionLabels.WithoutNumbering(title).TrimEnd(':', '?', ' ');
        var labelRole = SectionLabels.RoleOfLabel(bare);
        if (labelRole != SectionRole.General)
        {
            return labelRole;
        }

        if (Phrases.TryGetValue(bare, out var role))
        {
            return role;
        }

        var first = bare.Split(' ', 2)[0].TrimEnd(':', ',', '.');
        return FirstWords.GetValueOrDefault(first, SectionRole.General);
    }

    /// <summary>
    /// A heading that is nothing but the name of a part ("Summary", "Overview", "What does this alert mean?"):
    /// written as a document's first <c>#</c> it still names a part, not the runbook.
    /// </summary>
    public static bool NamesOnlyAPart(string title)
    {
        var bare = SectionLabels.WithoutNumbering(title).TrimEnd(':', '?', ' ');
        return SectionLabels.RoleOfLabel(bare) != SectionRole.General || Phrases.ContainsKey(bare)
            || (!bare.Contains(' ', StringComparison.Ordinal) && FirstWords.ContainsKey(bare));
    }

    /// <summary>Sections whose lists, commands and instructions are the operator's steps.</summary>
    public static bool IsActionable(SectionRole role) => role is SectionRole.Steps or SectionRole.Verification;

    private static IEnumerable<KeyValuePair<string, SectionRole>> Words(SectionRole role, params string[] words) =>
        words.Select(w => KeyValuePair.Create(w, role));
}
