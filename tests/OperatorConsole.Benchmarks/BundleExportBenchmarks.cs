using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Benchmarks;

/// <summary>Preserving the evidence bundle (sealed, ledgered, acknowledged) of an incident with 10,000 timeline entries.</summary>
public class BundleExportBenchmarks
{
    private const int Entries = 10_000;
    private string _folder = string.Empty;
    private ServiceProvider _services = default!;
    private EvidenceService _evidence = default!;
    private string _incidentId = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _services = BenchmarkServices.Over(_folder);
        _evidence = _services.GetRequiredService<EvidenceService>();
        _incidentId = BenchIncident.Open(_services.GetRequiredService<IncidentService>(), _services.GetRequiredService<IConsoleStore>(), Entries);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<PreservedBundle> PreserveBundleOf10k() => _evidence.PreserveAsync(Actor.System, _incidentId);
}
