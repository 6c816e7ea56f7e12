using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace OperatorConsole.Core.Runbooks.Import;

internal sealed partial class RunbookStructureWalker
{
    /// <summary>
    /// Paragraphs feed the trigger, the purpose and the title of the command after them; in an actionable section
    /// an instruction ("Check the pod events.") is a step of its own. Labels and captions count only on a line of
    /// their own: "…that ends with a\nProcedure: …" is a wrapped sentence, not a new part.
    /// </summary>
    private void OnParagraph(string plain, IReadOnlyList<StepLink> links, SectionRole? awaitingRoleText)
    {
        var pending = awaitingRoleText;
        var text = new List<string>();
        var expectingOutput = false;
        string? caption = null;
        var lines = plain.Split('\n').Select(MarkdownText.Collapse).Where(l => l.Length > 0).ToList();
        var afterMetadata = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var fresh = i == 0 || afterMetadata || EndsThought(lines[i - 1]);
            _current?.Mention(SeveritiesIn(line));
            afterMetadata = fresh && ReadMetadata(line);
            if (afterMetadata)
            {
                continue;
            }

            expectingOutput = fresh && SectionLabels.IsExpectedOutputLabel(line);
            caption = fresh && !expectingOutput && SectionLabels.IsCaption(line) ? line.TrimEnd(':', ' ') : null;
            if (fresh && SectionLabels.TryReadRoleLabel(line, out var role, out var label, out var rest))
            {
                OpenSubSection(role, rest.Length > 0 ? $"{label}: {rest}" : label);
                SetRoleText(role, rest);
                pending = rest.Length == 0 ? role : null;

                // "Scenario: it broke" is complete on its line; the command after it is the play's own.
                _current = rest.Length > 0 ? _heading : _current;
                caption = null;
                text.Clear();
            }
            else if (expectingOutput || caption is not null)
            {
                text.Clear();
            }
            else
            {
                SetRoleText(pending, line);
                pending = null;
                text.Add(line);
            }
        }

        var joined = text.Count > 0 ? string.Join(' ', text) : null;
        var instruction = joined is not null && _current is { Actionable: true } section && Sentences.Instruction(joined) is { } wanted
            ? new PendingInstruction(section, wanted, links)
            : null;
        if (instruction is null && joined is not null && _current is { Actionable: true } pointed && Sentences.Pointer(joined) is { } pointer)
        {
            pointed.OfferPointer(StepLinks.With(ListStep(pointer, StepKind.Manual), links));
        }

        _handoff = new Handoff(joined is null ? null : Sentences.LeadIn(joined), expectingOutput, pending, caption, Instruction: instruction, Links: links);
    }

    private static bool EndsThought(string line) => line.Length > 0 && line[^1] is '.' or ':' or '!' or '?';

    /// <summary>An instruction paragraph no command block took as its title is a step.</summary>
    private void EmitInstruction(Handoff handoff)
    {
        if (handoff.Instruction is { } instruction)
        {
            instruction.Section.Add(StepLinks.With(ListStep(instruction.Text, StepKind.Manual), instruction.Links));
        }
    }

    /// <summary>"Severity: Critical" and "Alert: KubePodCrashLooping" describe the runbook, not a step.</summary>
    private bool ReadMetadata(string line)
    {
        if (SectionLabels.SeverityLine(line) is { } severity)
        {
            SeverityLine ??= severity;
            return true;
        }

        if (SectionLabels.AlertLine(line) is { } alert)
        {
            _aliases.Add(alert);
            return true;
        }

        return false;
    }

    private void NoticeMetadata(Block block)
    {
        if (block is ParagraphBlock paragraph)
        {
            foreach (var line in MarkdownText.Plain(paragraph.Inline).Split('\n').Select(MarkdownText.Collapse))
            {
                _current?.Mention(SeveritiesIn(line));
                ReadMetadata(line);
            }
        }
    }

    /// <summary>
    /// HTML comments and closing tags leave what the previous block handed over in place; a
    /// <c>&lt;summary&gt;Sample output&lt;/summary&gt;</c> announces the output of the command before it.
    /// </summary>
    private void OnHtml(HtmlBlock html, Handoff handoff)
    {
        var summary = Summary().Match(html.Lines.ToString());
        if (!summary.Success)
        {
            _handoff = handoff;
            return;
        }

        EmitInstruction(handoff);
        var label = MarkdownText.Collapse(Tags().Replace(summary.Groups["text"].Value, ""));
        _handoff = new Handoff(null, SectionLabels.IsExpectedOutputLabel(label), null, null, handoff.AfterCommand);
    }

    // "Command:" only announces the block after it; "Restart it:" says what the block does.
    private static string? DescriptiveCaption(string? caption) => caption?.Contains(' ', StringComparison.Ordinal) == true ? caption : null;

    /// <summary>A label or caption groups what follows under its heading, one level deeper.</summary>
    private void OpenSubSection(SectionRole role, string title)
    {
        var parent = _heading ?? EnsureSection();
        var priority = SectionLabels.PriorityIn(title) is var own and not Priority.None ? own : parent.Priority;
        var actionable = SectionVocabulary.IsActionable(role) || (role == SectionRole.General && parent.Actionable);
        _current = Open(title, parent.Level + 1, role, priority, parent.HeadingSeverity, actionable);
    }

    private void SetRoleText(SectionRole? role, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (role == SectionRole.Trigger)
        {
            Trigger ??= text;
        }
        else if (role == SectionRole.Purpose)
        {
            Purpose ??= text;
        }
    }

    [GeneratedRegex(@"<summary>(?<text>.{0,200}?)</summary>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex(@"<[^>]{0,100}>")]
    private static partial Regex Tags();
}
