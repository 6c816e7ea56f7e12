using System.Text;
using BenchmarkDotNet.Attributes;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// One keystroke in the library at 1,000 runbooks (the six seeds, each stored about 170 times under other titles): read the
/// latest versions from LiteDB, rank them and cut one page, as the list page and GET /api/runbooks do.
/// </summary>
[MemoryDiagnoser]
public class RunbookSearchBenchmarks
{
    private const int Count = 1000;
    private string _folder = string.Empty;
    private LiteConsoleStore _store = default!;
    private RunbookService _runbooks = default!;
    private List<Runbook> _inMemory = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _store = new LiteConsoleStore(Path.Combine(_folder, "bench.db"));
        var changes = BenchmarkChanges.Over(_store);
        _runbooks = new RunbookService(changes, new RunbookParser(), new LatestRunbooks());
        var parser = new RunbookParser();
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seed-data", "runbooks"), "*.md")
            .Select(f => parser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)))
            .ToList();
        _inMemory = [.. Enumerable.Range(0, Count).Select(i => Copy(seeds[i % seeds.Count], i))];
        changes.RunAsync(Actor.System, c => { _inMemory.ForEach(c.Session.Runbooks.Add); return 0; }).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public RunbookPage FirstPageNoText() => _runbooks.Search(new RunbookQuery(new RunbookFilter()));

    [Benchmark]
    public RunbookPage SearchStepTextThirdPage() => _runbooks.Search(new RunbookQuery(new RunbookFilter("probe"), Skip: 50));

    [Benchmark]
    public RunbookPage SearchInMemoryOnly() => RunbookSearch.Page(_inMemory, new RunbookQuery(new RunbookFilter("probe"), Skip: 50));

    private static Runbook Copy(ParsedRunbook parsed, int i) => new()
    {
        Slug = $"{parsed.Slug}-{i}",
        Version = 1,
        Title = $"{parsed.Title} {i}",
        Priority = parsed.Priority,
        Tags = parsed.Tags,
        Sections = parsed.Sections,
        Source = parsed.Source,
        SourceSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(parsed.Source))),
        ImportedAt = DateTimeOffset.UnixEpoch,
        ImportedBy = "bench",
    };
}
