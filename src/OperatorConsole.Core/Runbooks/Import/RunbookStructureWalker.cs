using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Turns the Markdig block tree into sections and steps, the way an operator reads a runbook. Headings open
/// sections; descriptive ones (Meaning, Impact, Summary…) keep their text as context and give no steps; a role
/// label paragraph ("Trigger:", "**Steps:**") opens a sub-section one level below its heading. Lists, commands
/// and, in actionable sections, instruction paragraphs become steps.
/// </summary>
internal sealed partial class RunbookStructureWalker(string source)
{
    private const string IntroductionTitle = "Introduction";

    private readonly List<SectionBuilder> _sections = [];
    private readonly List<SectionBuilder> _headings = [];
    private readonly SortedSet<string> _severities = new(StringComparer.Ordinal);
    private readonly List<string> _aliases = [];
    private readonly List<string> _warnings = [];
    private SectionBuilder? _heading;
    private SectionBuilder? _current;
    private (SectionBuilder Section, int Index)? _lastCommand;

    // What the previous block left for the next one; cleared as soon as another block intervenes.
    private Handoff _handoff;

    public string? FirstHeading1 { get; private set; }

    public string? Trigger { get; private set; }

    public string? Purpose { get; private set; }

    /// <summary>The first "Severity: X" line of the document.</summary>
    public string? SeverityLine { get; private set; }

    public IReadOnlyList<string> Severities => [.. _severities];

    /// <summary>Alert names from "Alert: X" lines.</summary>
    public IReadOnlyList<string> Aliases => _aliases;

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyList<RunbookSection> BuildSections() => _sections.Select(s => s.Build(source)).ToList();

    public void Walk(ContainerBlock container)
    {
        foreach (var block in container)
        {
            var handoff = _handoff;
            _handoff = default;
            if (block is not (CodeBlock or HtmlBlock))
            {
                EmitInstruction(handoff);
            }

            var prose = block is HeadingBlock candidate ? ProseInDisguise(candidate) : null;
            var opensSection = block is HeadingBlock && prose is null;
            if (!opensSection && block is not YamlFrontMatterBlock && _current is { IsContext: true } context && !OpensPart(block))
            {
                // Descriptive text is read, not followed: kept as the section's body, severities still noticed.
                context.Cover(block.Span.Start, block.Span.End);
                NoticeMetadata(block);
                continue;
            }

            switch (block)
            {
                case HeadingBlock when prose is not null:
                    OnParagraph(prose, StepLinks.In(block), handoff.AwaitingRoleText);
                    break;
                case HeadingBlock heading:
                    OnHeading(heading);
                    break;
                case ParagraphBlock paragraph:
                    OnParagraph(MarkdownText.Plain(paragraph.Inline), StepLinks.In(paragraph), handoff.AwaitingRoleText);
                    break;
                case ListBlock list:
                    OnList(list, handoff);
                    break;
                case YamlFrontMatterBlock:
                    break;
                case CodeBlock code:
                    OnCode(code, handoff);
                    break;
                case HtmlBlock html:
                    OnHtml(html, handoff);
                    break;
                case Table table:
                    OnTable(table);
                    break;
                case QuoteBlock quote:
                    Walk(quote);
                    break;
            }
        }

        EmitInstruction(_handoff);
        _handoff = _handoff with { Instruction = null };
    }

    private void OnHeading(HeadingBlock heading)
    {
        var title = TitleText.Heading(MarkdownText.Title(MarkdownText.Plain(heading.Inline)), _warnings);

        // The document's own title names the runbook, not a part of it, whatever its words; a first "# Summary" or
        // "# Overview" is a part written at the top level (GitLab's runbooks), and the file name titles the runbook.
        var isDocumentTitle = heading.Level == 1 && FirstHeading1 is null && !SectionVocabulary.NamesOnlyAPart(title);
        if (isDocumentTitle)
        {
            FirstHeading1 = title;
        }

        while (_headings.Count > 0 && _headings[^1].Level >= heading.Level)
        {
            _headings.RemoveAt(_headings.Count - 1);
        }

        var parent = _headings.LastOrDefault();
        var role = isDocumentTitle ? SectionRole.General : SectionVocabulary.RoleOf(title);
        role = role == SectionRole.General && parent is { IsContext: true } ? SectionRole.Context : role;
        var actionable = SectionVocabulary.IsActionable(role) || (role == SectionRole.General && parent is { Actionable: true });
        var severities = SeveritiesIn(title);
        _heading = _current = Open(title, heading.Level, role, SectionLabels.PriorityIn(title), severities.Min(), actionable);
        _headings.Add(_heading);
        _lastCommand = null;
    }

    /// <summary>A "Required response:" label inside a descriptive section still opens a part with steps.</summary>
    private static bool OpensPart(Block block) =>
        block is ParagraphBlock paragraph
        && SectionLabels.TryReadRoleLabel(MarkdownText.Collapse(MarkdownText.Plain(paragraph.Inline).Split('\n', 2)[0]), out _, out _, out _);

    /// <summary>
    /// A paragraph followed by "---" is a setext heading to Markdig; when it wraps over several lines or would be
    /// a huge title it is the writer's paragraph and a rule, not a section.
    /// </summary>
    private string? ProseInDisguise(HeadingBlock heading)
    {
        var text = MarkdownText.Plain(heading.Inline);
        return (heading.IsSetext && text.Contains('\n', StringComparison.Ordinal)) || TitleText.IsTooLongForHeading(text) ? text : null;
    }

    /// <summary>The section content goes to; text before the first heading gets an introduction.</summary>
    private SectionBuilder EnsureSection() =>
        _current ??= _heading = Open(IntroductionTitle, 1, SectionRole.General, Priority.None, null, actionable: false);

    private SectionBuilder Open(string title, int level, SectionRole role, Priority priority, string? severity, bool actionable)
    {
        var section = new SectionBuilder($"s{_sections.Count + 1}", title, level, role, priority, severity, actionable);
        _sections.Add(section);
        return section;
    }

    private List<string> SeveritiesIn(string text)
    {
        var found = SectionLabels.SeveritiesIn(text).ToList();
        _severities.UnionWith(found);
        return found;
    }

    /// <param name="LeadIn">Sentence that introduces a following code block.</param>
    /// <param name="ExpectingOutput">An "Expected output:" label asks the next block to attach to the last command.</param>
    /// <param name="AwaitingRoleText">A "Purpose:" label without text takes the next block's text.</param>
    /// <param name="Caption">"Security Guarantees:" names the list that follows.</param>
    /// <param name="AfterCommand">The previous block was a command, so a JSON block next to it is what it printed.</param>
    /// <param name="Instruction">An instruction paragraph that becomes a step unless a command block takes it as its title.</param>
    /// <param name="Links">The links of the paragraph the lead-in or caption came from.</param>
    private readonly record struct Handoff(
        string? LeadIn, bool ExpectingOutput, SectionRole? AwaitingRoleText, string? Caption, bool AfterCommand = false, PendingInstruction? Instruction = null,
        IReadOnlyList<StepLink>? Links = null);

    private sealed record PendingInstruction(SectionBuilder Section, string Text, IReadOnlyList<StepLink> Links);
}
