using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Turns the Markdig block tree into sections and steps. Headings open sections; a role label
/// paragraph ("Trigger:", "**Steps:**", "Closure condition:") opens a sub-section one level below
/// its heading, so "Steps" and "Verification" of one play read as separate parts on the run page.
/// Paragraphs are context, not steps: they only feed the trigger, the purpose and the text of the
/// command that follows them.
/// </summary>
internal sealed partial class RunbookStructureWalker
{
    private const string IntroductionTitle = "Introduction";

    private readonly List<SectionBuilder> _sections = [];
    private readonly SortedSet<string> _severities = new(StringComparer.Ordinal);
    private SectionBuilder? _heading;
    private SectionBuilder? _current;
    private (SectionBuilder Section, int Index)? _lastCommand;

    // What the previous block left for the next one; cleared as soon as another block intervenes.
    private Handoff _handoff;

    public string? FirstHeading1 { get; private set; }

    public string? Trigger { get; private set; }

    public string? Purpose { get; private set; }

    public IReadOnlyList<string> Severities => [.. _severities];

    public IReadOnlyList<RunbookSection> BuildSections() => _sections.Select(s => s.Build()).ToList();

    public void Walk(ContainerBlock container)
    {
        foreach (var block in container)
        {
            var handoff = _handoff;
            _handoff = default;
            switch (block)
            {
                case HeadingBlock heading:
                    OnHeading(heading);
                    break;
                case ParagraphBlock paragraph:
                    OnParagraph(paragraph, handoff.AwaitingRoleText);
                    break;
                case ListBlock list:
                    OnList(list, handoff);
                    break;
                case YamlFrontMatterBlock:
                    break;
                case CodeBlock code:
                    OnCode(code, handoff.LeadIn ?? DescriptiveCaption(handoff.Caption), handoff.ExpectingOutput);
                    break;
                case Table table:
                    OnTable(table);
                    break;
                case QuoteBlock quote:
                    Walk(quote);
                    break;
            }
        }
    }

    private void OnHeading(HeadingBlock heading)
    {
        var title = MarkdownText.Title(MarkdownText.Plain(heading.Inline));
        if (heading.Level == 1)
        {
            FirstHeading1 ??= title;
        }

        var severities = SeveritiesIn(title);
        _heading = _current = Open(title, heading.Level, SectionLabels.RoleOfHeading(title), SectionLabels.PriorityIn(title), severities.Min());
        _lastCommand = null;
    }

    private void OnParagraph(ParagraphBlock paragraph, SectionRole? awaitingRoleText)
    {
        var pending = awaitingRoleText;
        var text = new List<string>();
        var expectingOutput = false;
        string? caption = null;
        foreach (var line in MarkdownText.Plain(paragraph.Inline).Split('\n').Select(MarkdownText.Collapse).Where(l => l.Length > 0))
        {
            _current?.Mention(SeveritiesIn(line));
            expectingOutput = SectionLabels.IsExpectedOutputLabel(line);
            caption = !expectingOutput && SectionLabels.IsCaption(line) ? line.TrimEnd(':', ' ') : null;
            if (SectionLabels.TryReadRoleLabel(line, out var role, out var label, out var rest))
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

        _handoff = new Handoff(text.Count > 0 ? string.Join(' ', text) : null, expectingOutput, pending, caption);
    }

    // "Command:" only announces the block after it; "Restart it:" says what the block does.
    private static string? DescriptiveCaption(string? caption) => caption?.Contains(' ', StringComparison.Ordinal) == true ? caption : null;

    /// <summary>A label or caption groups what follows under its heading, one level deeper.</summary>
    private void OpenSubSection(SectionRole role, string title)
    {
        var parent = _heading ?? EnsureSection();
        var priority = SectionLabels.PriorityIn(title) is var own and not Priority.None ? own : parent.Priority;
        _current = Open(title, parent.Level + 1, role, priority, parent.HeadingSeverity);
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

    /// <summary>The section content goes to; text before the first heading gets an introduction.</summary>
    private SectionBuilder EnsureSection() => _current ??= _heading = Open(IntroductionTitle, 1, SectionRole.General, Priority.None, null);

    private SectionBuilder Open(string title, int level, SectionRole role, Priority priority, string? severity)
    {
        var section = new SectionBuilder($"s{_sections.Count + 1}", title, level, role, priority, severity);
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
    private readonly record struct Handoff(string? LeadIn, bool ExpectingOutput, SectionRole? AwaitingRoleText, string? Caption);
}
