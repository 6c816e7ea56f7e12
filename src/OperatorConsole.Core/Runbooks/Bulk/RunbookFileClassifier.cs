using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks.Files;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Runbooks.Bulk;

public enum FileKind
{
    /// <summary>A Markdown document to import as a runbook.</summary>
    Runbook,

    /// <summary>An image or linked file, kept with the runbooks that reference it.</summary>
    Asset,

    /// <summary>Not a runbook and not a file runbooks keep; <see cref="FileClass.Reason"/> says why.</summary>
    Skipped,
}

/// <summary>What a file of an imported repository is; <see cref="References"/> are the repository paths a runbook links to.</summary>
public sealed record FileClass(FileKind Kind, string? Reason = null, IReadOnlyList<string>? References = null);

/// <summary>
/// Tells runbooks from the other Markdown of a runbook repository (READMEs, index pages, templates, drafts) and from
/// the files they reference. Invalid Markdown is classified as a runbook: the import then refuses it with the reason.
/// </summary>
public static partial class RunbookFileClassifier
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    // GitHub's community health files, kept at the repository root: about the project, not procedures.
    private static readonly HashSet<string> RepositoryFiles = new(StringComparer.Ordinal)
    {
        "contributing", "code_of_conduct", "code-of-conduct", "license", "licence", "copying", "security", "support",
        "governance", "funding", "changelog", "changes", "authors", "maintainers", "codeowners", "notice",
    };

    // The words a template's name is made of besides "template" (see IsTemplateName).
    private static readonly HashSet<string> TemplateNameWords = new(StringComparer.Ordinal)
    {
        "template", "templates", "runbook", "runbooks", "run", "book", "playbook", "alert", "incident", "postmortem",
        "example", "sample", "tutorial", "default", "blank", "new", "base", "page", "doc", "docs", "my", "the", "a", "v",
    };

    public static FileClass Classify(string path, byte[] content)
    {
        if (!RunbookFileTypes.IsMarkdown(path))
        {
            return RunbookFileTypes.ContentTypeOf(path) is null
                ? new FileClass(FileKind.Skipped, "Not Markdown and not a kind of file runbooks keep (images, PDF, text, YAML, JSON, scripts).")
                : new FileClass(FileKind.Asset);
        }

        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        if (name == "readme")
        {
            return new FileClass(FileKind.Skipped, "A README describes the repository or folder; it is not a runbook.");
        }

        if (name == "_index")
        {
            return new FileClass(FileKind.Skipped, "_index.md is a site section's index page, not a runbook.");
        }

        if (IsHidden(path))
        {
            return new FileClass(FileKind.Skipped, "A hidden file or folder (.github/, .gitlab/, a name starting with a dot) holds the repository's own tooling and templates; it is not a runbook.");
        }

        if (!path.Contains('/', StringComparison.Ordinal) && RepositoryFiles.Contains(name))
        {
            return new FileClass(FileKind.Skipped, "A file about the repository itself (contributing, licence, security policy, changelog); it is not a runbook.");
        }

        if (IsTemplateName(name))
        {
            return new FileClass(FileKind.Skipped, "A template (its name says so) is the start of a runbook, not a runbook.");
        }

        // Invalid UTF-8, and nesting past Markdig's limit (it throws), are refused by the import with the parser's
        // reason; the classifier only looks.
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(HugoRefLinks.Unwrap(Encoding.UTF8.GetString(content)), Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InsufficientExecutionStackException)
        {
            return new FileClass(FileKind.Runbook, References: []);
        }

        if (IsDraftOrTemplate(document))
        {
            return new FileClass(FileKind.Skipped, "Its front matter marks it as a draft or a template.");
        }

        var links = document.Descendants<LinkInline>().ToList();
        if (name == "index" && links.Count > 0 && HoldsNoProcedure(document))
        {
            return new FileClass(FileKind.Skipped, "An index page: text and links to other pages, with no list or command to follow.");
        }

        var references = links.Select(l => l.Url is null ? null : RepoPath.Resolve(path, l.Url)).OfType<string>().Distinct().ToList();
        return new FileClass(FileKind.Runbook, References: references);
    }

    // Issue and merge-request templates live under .github/ and .gitlab/; a file named only ".md" has no name to be
    // titled by and is a generator's leftover (a real repository had one duplicating another runbook).
    private static bool IsHidden(string path) =>
        path.Split('/').Any(segment => segment.StartsWith('.'));

    // A template's name says nothing but that it is one: "runbook-template", "TEMPLATE", "example_tutorial_template".
    // A runbook about templates names what it does with them ("assign-groups-by-template",
    // "list-all-administrative-template-policies"), and an alert name holds the word inside another
    // (OpenShift's SSPTemplateValidatorDown).
    private static bool IsTemplateName(string name)
    {
        var words = NameWord().Matches(name).Select(m => m.Value).ToList();
        return words.Any(w => w is "template" or "templates") && words.All(w => TemplateNameWords.Contains(w) || w.All(char.IsAsciiDigit));
    }

    [GeneratedRegex("[a-z]+|[0-9]+")]
    private static partial Regex NameWord();

    private static bool IsDraftOrTemplate(MarkdownDocument document)
    {
        if (document.OfType<YamlFrontMatterBlock>().FirstOrDefault() is not { } block)
        {
            return false;
        }

        try
        {
            return FrontMatter.Parse(RunbookParser.YamlOf(block)).IsDraftOrTemplate;
        }
        catch (DomainValidationException)
        {
            return false;
        }
    }

    // A welcome page ("Start with the on-call guide") has prose and links; a runbook kept as a page bundle's index.md
    // (Hugo) has a code block or a list item that is more than a link.
    private static bool HoldsNoProcedure(MarkdownDocument document) =>
        !document.Descendants<CodeBlock>().Any(block => block is not YamlFrontMatterBlock)
        && document.Descendants<ListItemBlock>().All(item => item.Descendants<ParagraphBlock>().All(p => p.Inline?.All(IsLinkOrSpace) ?? true));

    private static bool IsLinkOrSpace(Inline inline) => inline switch
    {
        LinkInline or LineBreakInline => true,
        LiteralInline literal => literal.Content.ToString().Trim(' ', '-', '*', '|', ',', '.', ':', '·').Length == 0,
        _ => false,
    };
}
