using BenchmarkDotNet.Attributes;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Benchmarks;

/// <summary>How long parsing (with mojibake repair) and rendering the seed runbooks takes.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private readonly RunbookParser _parser = new();
    private readonly RunbookRenderer _renderer = new();
    private byte[] _operations = [];
    private byte[] _rites = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "seed-data", "runbooks");
        _operations = File.ReadAllBytes(Path.Combine(folder, "004-binkindly-operations.md"));
        _rites = File.ReadAllBytes(Path.Combine(folder, "000-ai-immunity-six-sacred-rites.md"));
    }

    [Benchmark]
    public ParsedRunbook ParseLargestSeed() => _parser.Parse(_operations, "004.md");

    [Benchmark]
    public ParsedRunbook ParseMojibakeSeed() => _parser.Parse(_rites, "000.md");

    [Benchmark]
    public string RenderLargestSeed() => _renderer.ToSafeHtml(System.Text.Encoding.UTF8.GetString(_operations));
}
