using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Import;

internal sealed partial class RunbookStructureWalker
{
    private const string ProbeLanguage = "probe";
    private const string DefaultCommandText = "Run the command";
    private static readonly string[] DecisionOpenings = ["If ", "Decide", "Determine whether", "Confirm whether"];

    /// <summary>
    /// Each top-level item is one step. Nested items are folded into their parent's text
    /// ("Confirm whether the issue is: upstream outage; source format drift"): in runbooks they list
    /// the options of a decision, the actions under a condition or the details of a phase, and a
    /// step like "localized" would mean nothing on its own.
    /// </summary>
    private void OnList(ListBlock list, Handoff handoff)
    {
        if (handoff.Caption is not null)
        {
            OpenSubSection(SectionRole.General, handoff.Caption);
        }

        var section = EnsureSection();
        var texts = new List<string>();
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var text = ItemText(item);
            section.Mention(SeveritiesIn(text));
            if (text.Length > 0)
            {
                texts.Add(text);
            }

            // "3. Restart the service:" with an indented block (and maybe its expected output) is
            // read like a small document, so the item's text introduces the command step.
            if (item.OfType<CodeBlock>().Any())
            {
                Walk(item);
            }
            else if (text.Length > 0)
            {
                section.Add(ItemStep(item, text));
            }
        }

        SetRoleText(handoff.AwaitingRoleText, string.Join("; ", texts));
    }

    private static RunbookStep ItemStep(ListItemBlock item, string text)
    {
        if (item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList task })
        {
            return new RunbookStep("", text, StepKind.Check, PreChecked: task.Checked);
        }

        var isDecision = DecisionOpenings.Any(opening => text.StartsWith(opening, StringComparison.OrdinalIgnoreCase));
        return new RunbookStep("", text, isDecision ? StepKind.Decision : StepKind.Manual);
    }

    private static string ItemText(ListItemBlock item)
    {
        var head = string.Join(' ', item.OfType<ParagraphBlock>().Select(p => MarkdownText.Collapse(MarkdownText.Plain(p.Inline))));
        var nested = string.Join("; ", item.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).Select(ItemText).Where(t => t.Length > 0));
        return (head.Length, nested.Length) switch
        {
            (_, 0) => head,
            (0, _) => nested,
            _ => head.EndsWith(':') ? $"{head} {nested}" : $"{head}: {nested}",
        };
    }

    private void OnCode(CodeBlock code, string? leadIn, bool expectingOutput)
    {
        var section = EnsureSection();
        var content = code.Lines.ToString().TrimEnd();
        var language = (code as FencedCodeBlock)?.Info is { Length: > 0 } info ? info : null;
        var text = leadIn?.TrimEnd(':', ' ');

        if (string.Equals(language, ProbeLanguage, StringComparison.OrdinalIgnoreCase))
        {
            var probe = ParseProbe(section, content);
            section.Add(new RunbookStep("", text ?? $"Probe {probe.Method} {probe.Url}", StepKind.Probe, Language: ProbeLanguage, Probe: probe));
        }
        else if (expectingOutput && _lastCommand is { } last && last.Section.StepAt(last.Index).ExpectedOutput is null)
        {
            last.Section.Replace(last.Index, last.Section.StepAt(last.Index) with { ExpectedOutput = content });
        }
        else
        {
            var step = new RunbookStep("", text ?? CommentHeadline(content) ?? DefaultCommandText, StepKind.Command, content, language);
            _lastCommand = (section, section.Add(step));
        }
    }

    private static ProbeSpec ParseProbe(SectionBuilder section, string content)
    {
        try
        {
            return ProbeSpecParser.Parse(content);
        }
        catch (DomainValidationException ex)
        {
            throw new DomainValidationException($"Section \"{section.Title}\": {ex.Message}");
        }
    }

    /// <summary>Scripts often open with "# Step 1: Clone repository"; that says what the block is for.</summary>
    private static string? CommentHeadline(string content)
    {
        var first = content.Split('\n', 2)[0].Trim();
        var comment = first.StartsWith('#') ? first.TrimStart('#') : first.StartsWith("//", StringComparison.Ordinal) ? first[2..] : null;
        return comment?.Trim() is { Length: > 0 } headline && !headline.StartsWith('!') ? headline : null;
    }

    private void OnTable(Table table)
    {
        var section = EnsureSection();
        var rows = table.OfType<TableRow>()
            .Select(row => (row.IsHeader, Cells: (IReadOnlyList<string>)row.OfType<TableCell>().Select(CellText).ToList()))
            .ToList();
        foreach (var (_, cells) in rows)
        {
            section.Mention(cells.SelectMany(SeveritiesIn));
        }

        var header = rows.FirstOrDefault(r => r.IsHeader).Cells ?? [];
        section.Add(new RunbookTable(header, rows.Where(r => !r.IsHeader).Select(r => r.Cells).ToList()));
    }

    private static string CellText(TableCell cell) =>
        MarkdownText.Collapse(string.Join(' ', cell.OfType<ParagraphBlock>().Select(p => MarkdownText.Plain(p.Inline))));
}
