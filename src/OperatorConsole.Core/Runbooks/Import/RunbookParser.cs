using System.Security.Cryptography;
using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Turns an uploaded runbook into its structure. Nothing is stored here; bad input throws
/// <see cref="DomainValidationException"/> with a message meant for the person who uploaded it.
/// </summary>
public sealed class RunbookParser
{
    public const int MaxBytes = 2 * 1024 * 1024;
    private const string UntitledTitle = "Untitled runbook";

    private static readonly MarkdownPipeline Pipeline =
        new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().UseTaskLists().Build();

    public ParsedRunbook Parse(byte[] content, string? fileName) => Parse(RunbookInput.Decode(content), fileName);

    public ParsedRunbook Parse(string text, string? fileName)
    {
        RunbookInput.Check(text);
        var (source, repairs) = MojibakeRepair.Repair(text.TrimStart('\uFEFF'));
        var document = ParseMarkdown(source);
        var frontMatterBlock = document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        var frontMatter = frontMatterBlock is null ? FrontMatter.None : FrontMatter.Parse(YamlOf(frontMatterBlock));

        var walker = new RunbookStructureWalker();
        walker.Walk(document);
        var sections = walker.BuildSections();

        var body = frontMatterBlock is null ? source : source[Math.Min(source.Length, frontMatterBlock.Span.End + 1)..];
        var title = frontMatter.Title ?? walker.FirstHeading1 ?? FirstLine(body);
        if (string.IsNullOrEmpty(title) && sections.Count == 0)
        {
            throw new DomainValidationException("The document has no title and no content.");
        }

        title = string.IsNullOrEmpty(title) ? StemOf(fileName) ?? UntitledTitle : title;
        var sectionPriorities = sections.Select(s => s.Priority).Where(p => p != Priority.None).DefaultIfEmpty(Priority.None);
        return new ParsedRunbook(
            SlugFor(title, fileName, source),
            title,
            frontMatter.Priority != Priority.None ? frontMatter.Priority : sectionPriorities.Min(),
            frontMatter.Trigger ?? walker.Trigger,
            walker.Purpose,
            frontMatter.Tags,
            walker.Severities,
            sections,
            source,
            repairs,
            frontMatter.Id);
    }

    /// <summary>Markdig refuses input nested past its depth limit with an ArgumentException, its only one for a non-null string.</summary>
    private static MarkdownDocument ParseMarkdown(string source)
    {
        try
        {
            return Markdown.Parse(source, Pipeline);
        }
        catch (ArgumentException)
        {
            throw DomainValidationException.ForFields([new FieldProblem("body",
                "The document is nested too deeply (quotes, lists or brackets inside each other); a runbook needs only a few levels.")]);
        }
    }

    internal static string YamlOf(YamlFrontMatterBlock block) =>
        string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()).Where(l => l.Trim() is not ("---" or "...")));

    private static string FirstLine(string body)
    {
        var line = body.Split('\n').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        return line is null ? "" : MarkdownText.Title(Markdown.ToPlainText(line, Pipeline));
    }

    private static string? StemOf(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileNameWithoutExtension(fileName);

    // The title comes first so that re-uploading the same runbook under another file name adds a version.
    private static string SlugFor(string title, string? fileName, string source)
    {
        var slug = Slug.From(title);
        slug = slug.Length > 0 ? slug : Slug.From(StemOf(fileName) ?? "");
        return slug.Length > 0
            ? slug
            : "runbook-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..8];
    }
}
