using System.Text.RegularExpressions;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Reads what a paragraph asks the operator to do. Runbooks written as prose ("Check pod events via `kubectl
/// describe`.") put one instruction per paragraph, opening with a verb in the imperative or a condition.
/// </summary>
internal static partial class Sentences
{
    private static readonly HashSet<string> Imperatives = new(StringComparer.Ordinal)
    {
        "Check", "Verify", "Run", "Restart", "Scale", "Delete", "Remove", "Inspect", "Look", "Review", "Confirm", "Ensure", "Make",
        "Increase", "Decrease", "Raise", "Lower", "Add", "Open", "Find", "Identify", "Investigate", "Examine", "Consider", "Contact",
        "Escalate", "Page", "Notify", "Announce", "Wait", "Drain", "Cordon", "Uncordon", "Roll", "Revert", "Update", "Upgrade", "Fix",
        "Reduce", "Free", "Clean", "Describe", "Query", "Search", "Go", "Navigate", "Use", "Try", "Compare", "Apply", "Set", "Enable",
        "Disable", "Stop", "Start", "Kill", "Get", "List", "Study", "Move", "Copy", "Create", "Edit", "Change", "Follow", "Ask", "Call",
        "Log", "Connect", "Read", "Watch", "Monitor", "Restore", "Rotate", "Retry", "Silence", "Acknowledge", "Switch", "Fail",
        "Promote", "Drop", "Cancel", "Terminate", "Mark", "Record", "Tail", "Show", "Peek", "Grow", "Resize", "Re-run", "Rerun",
        "Deploy", "Redeploy", "Trigger", "Disconnect", "Reconnect", "Replace", "Bring", "Purge", "Flush", "Skip", "Pause", "Resume",
        "Post", "Send", "Share", "Tell", "Inform", "Email",
    };

    private static readonly string[] Openers = ["If", "When", "Once", "Otherwise", "Then", "First", "Finally", "Next"];

    /// <summary>The paragraph from its first instruction on, or null when it only explains.</summary>
    public static string? Instruction(string paragraph)
    {
        if (paragraph.EndsWith(':'))
        {
            return null;
        }

        var sentences = Split(paragraph);
        var first = sentences.FindIndex(IsInstruction);
        return first < 0 ? null : string.Join(' ', sentences.Skip(first));
    }

    /// <summary>
    /// A paragraph that sends the reader elsewhere ("See [Disk filling up](./NodeDiskFillingUp.md)."): no step
    /// where the section has others, but the section's one step when it has nothing else.
    /// </summary>
    public static string? Pointer(string paragraph) =>
        FirstWord().Match(paragraph).Value is "See" or "Refer" && !paragraph.EndsWith(':') ? paragraph : null;

    /// <summary>
    /// The title of a command introduced by <paramref name="paragraph"/>: the closing "…, restart it:" when it is an
    /// instruction, else the paragraph's first instruction, else its last sentence.
    /// </summary>
    public static string LeadIn(string paragraph)
    {
        var sentences = Split(paragraph);
        var last = sentences[^1];
        var chosen = paragraph.EndsWith(':') && IsInstruction(last) ? last : sentences.FirstOrDefault(IsInstruction) ?? last;
        return chosen.TrimEnd(':', ' ');
    }

    private static bool IsInstruction(string sentence)
    {
        var word = FirstWord().Match(sentence).Value;
        return Imperatives.Contains(word) || Openers.Contains(word, StringComparer.Ordinal);
    }

    private static List<string> Split(string paragraph) =>
        [.. SentenceEnd().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0).DefaultIfEmpty(paragraph)];

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^[A-Za-z-]+")]
    private static partial Regex FirstWord();
}
