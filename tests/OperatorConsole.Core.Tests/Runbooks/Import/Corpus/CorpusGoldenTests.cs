using System.Globalization;
using System.Text;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Bulk;
using OperatorConsole.Core.Runbooks.Import;
using Xunit.Abstractions;

namespace OperatorConsole.Core.Tests.Runbooks.Import.Corpus;

/// <summary>
/// Imports every corpus runbook and compares it with its hand-written golden file. Steps are scored with
/// <see cref="StepMatch"/>: precision is the share of imported steps the golden files expect, recall the share of
/// expected steps the import found, both over the whole corpus.
/// </summary>
public sealed class CorpusGoldenTests(ITestOutputHelper output)
{
    private const double Required = 0.95;
    private const int MinimumCorpus = 45;

    private static readonly IReadOnlyList<CorpusFile> Files = CorpusFiles.All();

    private static IEnumerable<CorpusFile> Runbooks => Files.Where(f => !f.Golden.NotRunbook);

    [Fact]
    public void Corpus_HasAtLeast45FilesEachWithAGolden() =>
        Assert.True(Files.Count >= MinimumCorpus, $"{Files.Count} corpus files; at least {MinimumCorpus} wanted.");

    [Fact]
    public void Import_Corpus_FindsTheGoldenStepsWithPrecisionAndRecallAtLeast95Percent()
    {
        var (matched, imported, expected, sameTitle) = (0, 0, 0, 0);
        var misses = new StringBuilder();
        foreach (var file in Runbooks)
        {
            var steps = file.Parse().Sections.SelectMany(s => s.Steps).ToList();
            var actual = steps.Select(StepMatch.Key).ToList();
            sameTitle += StepMatch.SameTitles(steps, file.Golden.Steps ?? []);
            var golden = (file.Golden.Steps ?? []).Select(StepMatch.Key).ToList();
            var (unexpected, missing) = StepMatch.Compare(actual, golden);
            (matched, imported, expected) = (matched + actual.Count - unexpected.Count, imported + actual.Count, expected + golden.Count);
            if (unexpected.Count + missing.Count > 0)
            {
                misses.AppendLine(file.RelativePath);
                missing.ForEach(m => misses.AppendLine(CultureInfo.InvariantCulture, $"  missing:    {m}"));
                unexpected.ForEach(u => misses.AppendLine(CultureInfo.InvariantCulture, $"  unexpected: {u}"));
            }
        }

        var precision = imported == 0 ? 0 : (double)matched / imported;
        var recall = expected == 0 ? 0 : (double)matched / expected;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{Runbooks.Count()} runbooks: {matched} of {imported} imported steps expected (precision {precision:P1}), {matched} of {expected} expected steps found (recall {recall:P1}); {sameTitle} of {expected} step titles as the golden words them");
        output.WriteLine(summary);
        output.WriteLine(misses.ToString());

        Assert.True(precision >= Required && recall >= Required, $"{summary}\n{misses}");
    }

    [Fact]
    public void Import_Corpus_ReadsTitlesAliasesPrioritiesSeveritiesAndSectionRolesAsTheGoldenSays()
    {
        var problems = new StringBuilder();
        foreach (var file in Runbooks)
        {
            var parsed = file.Parse();
            var golden = file.Golden;
            Check(problems, file, "title", golden.Title, parsed.Title);
            Check(problems, file, "aliases", Set(golden.Aliases ?? []), Set(parsed.Aliases));
            Check(problems, file, "priority", golden.Priority ?? "None", parsed.Priority.ToString());
            if (golden.Severities is { } severities)
            {
                Check(problems, file, "severities", Set(severities), Set(parsed.Severities));
            }

            if (golden.Sections is { } sections)
            {
                Check(problems, file, "sections", Lines(sections.Select(s => $"{s.Role}: {s.Title}")), Lines(parsed.Sections.Select(s => $"{s.Role}: {s.Title}")));
            }

            foreach (var warning in golden.Warnings ?? [])
            {
                Check(problems, file, "warning", warning, parsed.Warnings.FirstOrDefault(w => w.Contains(warning, StringComparison.OrdinalIgnoreCase)) is null ? "(none)" : warning);
            }
        }

        output.WriteLine(problems.ToString());
        Assert.True(problems.Length == 0, problems.ToString());
    }

    [Fact]
    public void Import_Corpus_GivesContextSectionsTheirTextAndNoSteps()
    {
        var contexts = Runbooks.SelectMany(f => f.Parse().Sections.Where(s => s.Role == SectionRole.Context).Select(s => (f.RelativePath, s))).ToList();

        Assert.NotEmpty(contexts);
        Assert.All(contexts, c => Assert.Empty(c.s.Steps));
        Assert.All(contexts.Where(c => c.s.Title is "Meaning" or "Impact" or "Summary"), c => Assert.False(string.IsNullOrWhiteSpace(c.s.Body), $"{c.RelativePath}: {c.s.Title}"));
    }

    [Fact]
    public void Import_NonRunbookPages_ParseWithoutErrors()
    {
        var pages = Files.Where(f => f.Golden.NotRunbook).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.Null(Record.Exception(() => page.Parse())));
    }

    [Fact]
    public void Classify_EveryCorpusFile_AgreesWithItsGoldenOnBeingARunbook()
    {
        var disagreements = Files
            .Where(f => (RunbookFileClassifier.Classify(f.RelativePath, File.ReadAllBytes(f.MarkdownPath)).Kind == FileKind.Runbook) == f.Golden.NotRunbook)
            .Select(f => f.RelativePath);

        Assert.Empty(disagreements);
    }

    private static void Check(StringBuilder problems, CorpusFile file, string what, string? expected, string actual)
    {
        if (expected is not null && expected != actual)
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"{file.RelativePath} {what}:\n  golden:   {expected.Replace("\n", "\n            ", StringComparison.Ordinal)}\n  imported: {actual.Replace("\n", "\n            ", StringComparison.Ordinal)}");
        }
    }

    private static string Set(IEnumerable<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal));

    private static string Lines(IEnumerable<string> values) => string.Join("\n", values);
}
