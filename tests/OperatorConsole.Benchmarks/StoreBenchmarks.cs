using BenchmarkDotNet.Attributes;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// Cost of one acknowledged change through the single writer (transaction + ledger entry + fsync),
/// alone and with 16 callers queueing at once.
/// </summary>
public class StoreBenchmarks
{
    private string _folder = string.Empty;
    private LiteConsoleStore _store = default!;
    private ChangeRunner _changes = default!;
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _store = new LiteConsoleStore(Path.Combine(_folder, "bench.db"));
        _changes = BenchmarkChanges.Over(_store);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<int> OneLedgeredWrite() => WriteAsync();

    [Benchmark(OperationsPerInvoke = 16)]
    public Task SixteenConcurrentWrites() => Task.WhenAll(Enumerable.Range(0, 16).Select(_ => WriteAsync()));

    private Task<int> WriteAsync() =>
        _changes.RunAsync(Actor.System, c =>
        {
            var id = $"bench-{Interlocked.Increment(ref _n)}";
            c.Session.Users.Upsert(new User { Id = id, DisplayName = id, Roles = Role.Viewer, PasswordHash = "x", CreatedAt = c.Now });
            c.Record("bench.write", $"user:{id}", new { });
            return 1;
        });
}
