using Markdig.Syntax;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Refuses documents nested deeper than a runbook ever needs, before anything walks them recursively. Markdig
/// itself refuses some inputs past its own limit (with an ArgumentException); lists and quotes inside each other
/// are counted here.
/// </summary>
internal static class DocumentDepth
{
    public const int MaxLevels = 64;

    public static void Check(MarkdownDocument document)
    {
        var stack = new Stack<(ContainerBlock Block, int Depth)>();
        stack.Push((document, 0));
        while (stack.Count > 0)
        {
            var (container, depth) = stack.Pop();
            foreach (var child in container.OfType<ContainerBlock>())
            {
                var childDepth = depth + (child is ListBlock or QuoteBlock ? 1 : 0);
                if (childDepth > MaxLevels)
                {
                    throw TooDeep();
                }

                stack.Push((child, childDepth));
            }
        }
    }

    public static DomainValidationException TooDeep() =>
        DomainValidationException.ForFields([new FieldProblem("body",
            $"The document is nested too deeply (quotes, lists or brackets inside each other); a runbook needs only a few levels, at most {MaxLevels}.")]);
}
