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

        var walker = new RunbookStructureWalker(source);
        walker.Walk(document);
        var sections = walker.BuildSections();
        var warnings = walker.Warnings.ToList();

        var body = frontMatterBlock is null ? source : source[Math.Min(source.Length, frontMatterBlock.Span.End + 1)..];
        if (frontMatter.Title is null && sections.Count == 0 && string.IsNullOrWhiteSpace(body))
        {
            throw new DomainValidationException("The document has no title and no content.");
        }

        // Without a heading, a file's first paragraph is prose ("This alert fires when…"), while its name is what
        // the repository calls it; only pasted text, which has no name, falls back to its first line.
        var written = frontMatter.Title ?? walker.FirstHeading1;
        var stem = written is null ? StemOf(fileName) : null;
        var title = written ?? stem ?? FirstLine(body, warnings);
        title = TitleText.Heading(string.IsNullOrEmpty(title) ? UntitledTitle : title, warnings);
        if (!sections.Any(s => s.Steps.Count > 0))
        {
            warnings.Add("No steps were found: nothing in the document reads as an instruction, a checklist or a command.");
        }

        var severity = SeverityOf(frontMatter, walker);
        var sectionPriorities = sections.Select(s => s.Priority).Where(p => p != Priority.None).DefaultIfEmpty(Priority.None);
        return new ParsedRunbook(
            SlugFor(title, fileName, source),
            title,
            new[] { frontMatter.Priority, severity.Priority, sectionPriorities.Min() }.FirstOrDefault(p => p != Priority.None),
            frontMatter.Trigger ?? walker.Trigger,
            walker.Purpose,
            frontMatter.Tags,
            [.. walker.Severities.Append(severity.Severity).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
            sections,
            source,
            repairs,
            AliasesOf(frontMatter, walker, stem),
            warnings,
            frontMatter.Id);
    }

    /// <summary>The front matter's severity, else the first "Severity:" line; mapped by <see cref="SeverityScale"/>.</summary>
    private static (Priority Priority, string? Severity) SeverityOf(FrontMatter frontMatter, RunbookStructureWalker walker) =>
        SeverityScale.TryRead(frontMatter.Severity ?? walker.SeverityLine, out var priority, out var severity) ? (priority, severity) : (Priority.None, null);

    /// <param name="titleFromFileName">The file name when it is the title: "HighLatency.md" is written for that alert.</param>
    private static List<string> AliasesOf(FrontMatter frontMatter, RunbookStructureWalker walker, string? titleFromFileName) =>
        [.. frontMatter.Aliases
            .Concat(new[] { AlertNames.InTitle(frontMatter.Title), AlertNames.InTitle(walker.FirstHeading1), AlertNames.InTitle(titleFromFileName), AlertNames.SpelledOut(frontMatter.Title, walker.FirstHeading1) }.OfType<string>())
            .Concat(walker.Aliases)
            .Select(a => a.Length > TitleText.MaxLength ? a[..TitleText.MaxLength] : a)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Markdig refuses input nested past its depth limit with an ArgumentException, its only one for a non-null
    /// string; nesting below that limit but past ours is refused the same way.
    /// </summary>
    private static MarkdownDocument ParseMarkdown(string source)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(HugoRefLinks.Unwrap(source), Pipeline);
        }
        catch (Exception ex) when (ex is ArgumentException or InsufficientExecutionStackException)
        {
            throw DocumentDepth.TooDeep();
        }

        DocumentDepth.Check(document);
        return document;
    }

    internal static string YamlOf(YamlFrontMatterBlock block) =>
        string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()).Where(l => l.Trim() is not ("---" or "...")));

    // A first line too long to be a heading (a log line, a 1 MB paste) is not a title either.
    private static string FirstLine(string body, List<string> warnings)
    {
        var line = body.Split('\n').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (line is not null && TitleText.IsTooLongForHeading(line))
        {
            warnings.Add($"The first line has {line.Length} characters, too long to be the title; the runbook is \"{UntitledTitle}\".");
            return "";
        }

        return line is null ? "" : MarkdownText.Title(Markdown.ToPlainText(line, Pipeline));
    }

    private static string? StemOf(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? null : MarkdownText.Collapse(Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/'))) is { Length: > 0 } stem ? stem : null;

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
