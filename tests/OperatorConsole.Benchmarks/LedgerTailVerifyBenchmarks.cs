using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// The verify a request runs: a 100,000-entry ledger verified once in full, then before each measured verify 1,000
/// new entries (and a checkpoint sealing them) are appended, so each verify checks the newest 1,000.
/// </summary>
[InvocationCount(1)]
public class LedgerTailVerifyBenchmarks
{
    private const int Tail = 1_000;
    private string _folder = string.Empty;
    private ServiceProvider _services = default!;
    private AuditService _audit = default!;
    private IConsoleStore _store = default!;
    private LedgerSealer _sealer = default!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _services = BenchmarkServices.Over(_folder);
        _audit = _services.GetRequiredService<AuditService>();
        _store = _services.GetRequiredService<IConsoleStore>();
        _sealer = _services.GetRequiredService<LedgerSealer>();
        LedgerFill.Append(_store, 100_000);
        _sealer.SealHeadAsync(CheckpointReasons.Interval).GetAwaiter().GetResult();
        _audit.VerifyAll();
    }

    [IterationSetup]
    public void AppendTail()
    {
        LedgerFill.Append(_store, Tail);
        _sealer.SealHeadAsync(CheckpointReasons.Interval).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public LedgerVerification VerifyNewest1000() => _audit.Verify();
}
