using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Bulk;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// A whole runbook repository imported from a .zip into an empty store: 48 runbooks (each linking to the next and
/// showing a screenshot), a README and an index page; every runbook is its own ledgered write with fsync.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class BulkImportBenchmarks
{
    private const int Runbooks = 48;
    private static readonly byte[] Screenshot = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly byte[] _archive = Archive();
    private string _folder = string.Empty;
    private LiteConsoleStore _store = default!;
    private RunbookBulkImport _bulk = default!;

    [IterationSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _store = new LiteConsoleStore(Path.Combine(_folder, "bench.db"));
        var changes = BenchmarkChanges.Over(_store);
        _bulk = new RunbookBulkImport(new RunbookService(changes, new RunbookParser(), new LatestRunbooks()), changes);
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<BulkImportReport> ImportRepositoryOf48Runbooks() => _bulk.ImportAsync(Actor.System, RunbookBulkImport.Plan(_archive));

    private static byte[] Archive()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "runbooks-main/README.md", Encoding.UTF8.GetBytes("# Runbooks\n\nOne file per alert.\n"));
            Add(zip, "runbooks-main/alerts/index.md", Encoding.UTF8.GetBytes("# Alerts\n\n- [Alert 001](alert-001.md)\n"));
            for (var i = 1; i <= Runbooks; i++)
            {
                Add(zip, $"runbooks-main/alerts/img/alert-{i:000}.png", Screenshot);
                Add(zip, $"runbooks-main/alerts/alert-{i:000}.md", Encoding.UTF8.GetBytes(
                    $"# Alert {i:000} firing\n\n![dashboard](img/alert-{i:000}.png)\n\nSee [the next one](alert-{i % Runbooks + 1:000}.md#mitigation).\n\n" +
                    $"## Diagnosis\n\n1. Check the dashboard.\n\n   ```bash\n   kubectl get pods -n app-{i}\n   ```\n\n" +
                    "## Mitigation\n\n1. Restart the deployment.\n2. Confirm the alert clears.\n"));
            }
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        using var stream = zip.CreateEntry(path).Open();
        stream.Write(content);
    }
}
