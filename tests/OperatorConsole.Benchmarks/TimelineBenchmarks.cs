using BenchmarkDotNet.Attributes;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Benchmarks;

/// <summary>Reading an incident's whole timeline when it has 10,000 entries (what the incident page does on every change).</summary>
public class TimelineBenchmarks
{
    private const int Entries = 10_000;
    private string _folder = string.Empty;
    private LiteConsoleStore _store = default!;
    private IncidentService _incidents = default!;
    private string _incidentId = string.Empty;
    private TimelineCursor _middle = default!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _store = new LiteConsoleStore(Path.Combine(_folder, "bench.db"));
        _incidents = new IncidentService(BenchmarkChanges.Over(_store));
        var incident = _incidents.OpenAsync(Actor.System, new OpenIncident("Bench", IncidentClass.Other, IncidentSeverity.Sev3, ["bench"], null))
            .GetAwaiter().GetResult();
        _incidentId = incident.Id;
        var start = DateTimeOffset.UtcNow;
        _middle = new TimelineCursor(start.AddSeconds(Entries / 2), $"e{Entries / 2:00000}");
        _store.WriteAsync(s =>
        {
            for (var i = 0; i < Entries; i++)
            {
                s.Incidents.Upsert(new TimelineEntry($"e{i:00000}", _incidentId, start.AddSeconds(i), TimelineKinds.Note, "bench", $"note {i}"));
            }

            return true;
        }).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public int ReadTimelineOf10k() => _incidents.Timeline(_incidentId).Count;

    /// <summary>What the incident page does now: one page of 50 from the middle, by seeking the sort-key index to its anchor.</summary>
    [Benchmark]
    public int ReadMiddlePageOf10k() => _incidents.TimelinePage(_incidentId, null, _middle, 50).Entries.Count;
}
