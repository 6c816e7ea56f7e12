using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// A full verify (every entry re-read and re-hashed, checkpoints checked) of a ledger of 100,000 and 1,000,000 entries,
/// under the server GC the console itself runs with (the Web SDK's default), not a console app's workstation GC.
/// </summary>
[GcServer(true)]
public class LedgerVerifyBenchmarks
{
    private string _folder = string.Empty;
    private ServiceProvider _services = default!;
    private AuditService _audit = default!;

    [Params(100_000, 1_000_000)]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _services = BenchmarkServices.Over(_folder);
        _audit = _services.GetRequiredService<AuditService>();
        LedgerFill.Append(_services.GetRequiredService<IConsoleStore>(), Entries);
        _services.GetRequiredService<LedgerSealer>().SealHeadAsync(CheckpointReasons.Interval).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public LedgerVerification VerifyAll() => _audit.VerifyAll();
}
