using Markdig.Extensions.Tables;
using Markdig.Syntax;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Import;

internal sealed partial class RunbookStructureWalker
{
    private const string ProbeLanguage = "probe";
    private const int MaxFallbackTitle = 80;

    // Blocks in these languages show what something printed; nobody runs them.
    private static readonly HashSet<string> OutputLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "txt", "plaintext", "plain", "log", "logs", "output", "out",
    };

    // Blocks in these languages are drawn by the page (GitLab and GitHub render mermaid and math); nobody runs them.
    private static readonly HashSet<string> DiagramLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "mermaid", "plantuml", "puml", "math", "latex", "tex", "dot", "graphviz", "svgbob",
    };

    private void OnCode(CodeBlock code, Handoff handoff)
    {
        var section = EnsureSection();
        var content = code.Lines.ToString().TrimEnd();
        var language = (code as FencedCodeBlock)?.Info is { Length: > 0 } info ? info : null;
        var title = (handoff.LeadIn ?? DescriptiveCaption(handoff.Caption))?.TrimEnd(':', ' ');

        if (string.Equals(language, ProbeLanguage, StringComparison.OrdinalIgnoreCase))
        {
            var probe = ParseProbe(section, content);
            section.Add(StepLinks.With(new RunbookStep("", title ?? $"Probe {probe.Method} {probe.Url}", StepKind.Probe, Language: ProbeLanguage, Probe: probe), handoff.Links));
            return;
        }

        // An output block (or an illustration such as "the log shows:") leaves the paragraph before it a step of its own.
        // A block labelled as output with no command left to take it (a second sample, a sample before any command)
        // is still output, never a command.
        if ((IsOutput(language, handoff) && AttachOutput(content)) || handoff.ExpectingOutput
            || (language is not null && (OutputLanguages.Contains(language) || DiagramLanguages.Contains(language))))
        {
            EmitInstruction(handoff);
            return;
        }

        foreach (var command in ShellSession.Read(content))
        {
            var text = title ?? command.Comment ?? CommentHeadline(command.Command) ?? HeadingTitle(section) ?? FallbackTitle(command.Command);
            var step = StepLinks.With(new RunbookStep("", text, StepKind.Command, command.Command, language, command.Output), handoff.Links);
            _lastCommand = (section, section.Add(step));
        }

        _handoff = _handoff with { AfterCommand = true };
    }

    /// <summary>
    /// What a command printed: a block after an "Example output:" label, a text or log block, or a JSON block
    /// straight after the command.
    /// </summary>
    private static bool IsOutput(string? language, Handoff handoff) =>
        handoff.ExpectingOutput
        || (language is not null && OutputLanguages.Contains(language))
        || (handoff.AfterCommand && string.Equals(language, "json", StringComparison.OrdinalIgnoreCase));

    private bool AttachOutput(string content)
    {
        if (_lastCommand is not { } last || last.Section.StepAt(last.Index).ExpectedOutput is not null)
        {
            return false;
        }

        last.Section.Replace(last.Index, last.Section.StepAt(last.Index) with { ExpectedOutput = content });
        return true;
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

    // "### Step 1: Find the busy device" over a bare block says what its first command is for; "## Diagnosis" would not.
    private string? HeadingTitle(SectionBuilder section) =>
        section.StepCount == 0 && section.Level > 1 && section.Role == SectionRole.General && section == _heading ? section.Title : null;

    // With nothing around it to say what it does, the command's first line is the most honest title.
    private static string FallbackTitle(string command)
    {
        var first = command.Split('\n', 2)[0].Trim();
        return first.Length <= MaxFallbackTitle ? first : first[..(MaxFallbackTitle - 1)] + "…";
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
