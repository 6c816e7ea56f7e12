using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace OperatorConsole.Core.Runbooks.Import;

internal sealed partial class RunbookStructureWalker
{
    private static readonly string[] DecisionOpenings = ["If ", "Decide", "Determine whether", "Confirm whether"];

    /// <summary>
    /// Each top-level item is one step. Nested items without commands are folded into their parent's text
    /// ("Confirm whether the issue is: upstream outage; source format drift"): in runbooks they list the options
    /// of a decision or the details of a phase, and a step like "localized" would mean nothing on its own. A nested
    /// item with a command is a step of its own, after its parent: the command belongs to that item.
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
            else if (HasCode(item))
            {
                OnItemWithNestedCommands(section, item);
            }
            else if (text.Length > 0)
            {
                section.Add(ItemStep(item, text));
            }
        }

        SetRoleText(handoff.AwaitingRoleText, string.Join("; ", texts));
    }

    private void OnItemWithNestedCommands(SectionBuilder section, ListItemBlock item)
    {
        var head = HeadText(item);
        if (head.Length > 0)
        {
            section.Add(ItemStep(item, head.TrimEnd(':', ' ')));
        }

        foreach (var nested in item.OfType<ListBlock>())
        {
            OnList(nested, default);
        }
    }

    private static bool HasCode(ContainerBlock container) =>
        container.Descendants<CodeBlock>().Any();

    private static RunbookStep ItemStep(ListItemBlock item, string text) => StepLinks.With(
        item.FirstOrDefault() is ParagraphBlock { Inline.FirstChild: TaskList task }
            ? new RunbookStep("", text, StepKind.Check, PreChecked: task.Checked)
            : ListStep(text, StepKind.Manual),
        StepLinks.In(item));

    /// <summary>An instruction opening with a choice ("If …", "Decide …") is a decision.</summary>
    private static RunbookStep ListStep(string text, StepKind kind) =>
        new("", text, DecisionOpenings.Any(opening => text.StartsWith(opening, StringComparison.OrdinalIgnoreCase)) ? StepKind.Decision : kind);

    private static string HeadText(ListItemBlock item) =>
        string.Join(' ', item.OfType<ParagraphBlock>().Select(p => MarkdownText.Collapse(MarkdownText.Plain(p.Inline))));

    private static string ItemText(ListItemBlock item)
    {
        var head = HeadText(item);
        var nested = string.Join("; ", item.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).Select(ItemText).Where(t => t.Length > 0));
        return (head.Length, nested.Length) switch
        {
            (_, 0) => head,
            (0, _) => nested,
            _ => head.EndsWith(':') ? $"{head} {nested}" : $"{head}: {nested}",
        };
    }
}
