using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Benchmarks;

/// <summary>An open incident whose timeline holds <c>entries</c> notes, one second apart from <c>start</c>, written in one transaction.</summary>
internal static class BenchIncident
{
    public static string Open(IncidentService incidents, IConsoleStore store, int entries, DateTimeOffset? start = null)
    {
        var id = incidents.OpenAsync(Actor.System, new OpenIncident("Bench", IncidentClass.Other, IncidentSeverity.Sev3, ["bench"], null))
            .GetAwaiter().GetResult().Id;
        var first = start ?? DateTimeOffset.UtcNow;
        store.WriteAsync(s =>
        {
            for (var i = 0; i < entries; i++)
            {
                s.Incidents.Upsert(new TimelineEntry($"e{i:00000}", id, first.AddSeconds(i), TimelineKinds.Note, "bench", $"note {i}"));
            }

            return true;
        }).GetAwaiter().GetResult();
        return id;
    }
}
