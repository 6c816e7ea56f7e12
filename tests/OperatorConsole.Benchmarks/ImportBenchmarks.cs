using System.Text;
using BenchmarkDotNet.Attributes;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// How long parsing (with mojibake repair) and rendering the seed runbooks takes, how long the whole golden corpus
/// takes to parse, and whether parse time grows linearly with a document of long lines.
/// Run: dotnet run -c Release --project tests/OperatorConsole.Benchmarks -- --filter *ImportBenchmarks* --job short
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private const int LongLine = 90_000;

    private readonly RunbookParser _parser = new();
    private readonly RunbookRenderer _renderer = new();
    private byte[] _operations = [];
    private byte[] _rites = [];
    private (string Name, byte[] Content)[] _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seed-data", "runbooks");
        _operations = File.ReadAllBytes(Path.Combine(folder, "004-binkindly-operations.md"));
        _rites = File.ReadAllBytes(Path.Combine(folder, "000-ai-immunity-six-sacred-rites.md"));
        _corpus = [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "corpus"), "*.md", SearchOption.AllDirectories)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))];
    }

    [Benchmark]
    public ParsedRunbook ParseLargestSeed() => _parser.Parse(_operations, "004.md");

    [Benchmark]
    public ParsedRunbook ParseMojibakeSeed() => _parser.Parse(_rites, "000.md");

    [Benchmark]
    public string RenderLargestSeed() => _renderer.ToSafeHtml(Encoding.UTF8.GetString(_operations));

    /// <summary>Every file of the golden corpus, parsed the way a bulk import parses them.</summary>
    [Benchmark]
    public int ParseCorpus()
    {
        var steps = 0;
        foreach (var (name, content) in _corpus)
        {
            steps += _parser.Parse(content, name).Sections.Sum(s => s.Steps.Count);
        }

        return steps;
    }

    /// <summary>Paragraphs and headings of 90,000-character lines: twice the lines should take about twice the time.</summary>
    [Benchmark]
    [Arguments(5)]
    [Arguments(10)]
    [Arguments(20)]
    public ParsedRunbook ParseLongLines(int lines) =>
        _parser.Parse(string.Concat(Enumerable.Range(0, lines).Select(i => (i % 2 == 0 ? "# " : "") + new string('w', LongLine) + "\n\n")), "long.md");
}
