using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// The links a step's text was written with. A step keeps plain text (it is searched, exported and copied as
/// text), so the targets travel beside it, each with the words it covered.
/// </summary>
internal static class StepLinks
{
    public static IReadOnlyList<StepLink> In(Block block)
    {
        IEnumerable<LeafBlock> leaves = block switch
        {
            LeafBlock leaf => [leaf],
            ContainerBlock container => container.Descendants<LeafBlock>(),
            _ => [],
        };
        return [.. leaves.SelectMany(l => l.Inline?.Descendants<Inline>() ?? []).Select(Of).OfType<StepLink>()];
    }

    /// <summary>The links whose words are in <paramref name="text"/>, in order; null when none are.</summary>
    public static IReadOnlyList<StepLink>? Within(IReadOnlyList<StepLink>? links, string text) =>
        links?.Where(l => text.Contains(l.Text, StringComparison.Ordinal)).Distinct().ToList() is { Count: > 0 } kept ? kept : null;

    public static RunbookStep With(RunbookStep step, IReadOnlyList<StepLink>? links) =>
        Within(links, step.Text) is { } kept ? step with { Links = kept } : step;

    private static StepLink? Of(Inline inline) => inline switch
    {
        LinkInline { IsImage: false, Url: { Length: > 0 } url } link when MarkdownText.Collapse(MarkdownText.Plain(link)) is { Length: > 0 } text => new StepLink(text, url),
        AutolinkInline { IsEmail: true, Url: { Length: > 0 } email } => new StepLink(email, "mailto:" + email),
        AutolinkInline { Url: { Length: > 0 } url } => new StepLink(url, url),
        _ => null,
    };
}
