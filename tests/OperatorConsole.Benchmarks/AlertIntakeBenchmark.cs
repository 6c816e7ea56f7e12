using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Benchmarks;

/// <summary>The alert intake over a fresh data file in a folder of its own, deleted after the run.</summary>
public abstract class AlertIntakeBenchmark
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private string _folder = string.Empty;

    protected ServiceProvider Services { get; private set; } = default!;

    protected AlertIntake Intake { get; private set; } = default!;

    protected IConsoleStore Store { get; private set; } = default!;

    [GlobalCleanup]
    public void Cleanup()
    {
        Services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Called first by the benchmark's own global setup.</summary>
    protected void OpenStore()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        Services = BenchmarkServices.Over(_folder);
        Intake = Services.GetRequiredService<AlertIntake>();
        Store = Services.GetRequiredService<IConsoleStore>();
    }
}
