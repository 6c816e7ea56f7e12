using BenchmarkDotNet.Attributes;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// Acknowledged, durable appends (an incident note: timeline entry + ledger entry + fsync before the answer) with
/// 1, 8 and 32 writers queueing at once. Each invocation writes <see cref="WritesPerInvoke"/> notes, so the reported
/// mean is the time per acknowledged write and writes/s is its inverse.
/// </summary>
public class StoreBenchmarks
{
    private const int WritesPerInvoke = 256;
    private string _folder = string.Empty;
    private LiteConsoleStore _store = default!;
    private IncidentService _incidents = default!;
    private string _incidentId = string.Empty;

    [Params(1, 8, 32)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _store = new LiteConsoleStore(Path.Combine(_folder, "bench.db"));
        _incidents = new IncidentService(BenchmarkChanges.Over(_store));
        _incidentId = _incidents.OpenAsync(Actor.System, new OpenIncident("Bench", IncidentClass.Other, IncidentSeverity.Sev3, ["bench"], null))
            .GetAwaiter().GetResult().Id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = WritesPerInvoke)]
    public Task AppendNoteWithCommit() =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteShareAsync)));

    private async Task WriteShareAsync()
    {
        for (var i = 0; i < WritesPerInvoke / Writers; i++)
        {
            await _incidents.AddNoteAsync(Actor.System, _incidentId, "a note of ordinary length, as operators write them");
        }
    }
}
