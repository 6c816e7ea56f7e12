using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.E2E.Incidents;

/// <summary>An incident with many timeline entries, written in one store write (as an import would) to keep set-up short.</summary>
internal static class LargeIncident
{
    /// <summary>Entry <paramref name="i"/>'s text; a padded number, so no entry's text is part of another's.</summary>
    public static string Text(int i) => $"bulk note {i:00000}.";

    public static async Task<string> SeedAsync(IncidentService incidents, IConsoleStore store, int entries)
    {
        var incident = await incidents.OpenAsync(Actor.System,
            new OpenIncident($"{entries} notes", IncidentClass.Other, IncidentSeverity.Sev3, ["bulk"], null));
        var start = incident.OpenedAt.AddSeconds(1);
        await store.WriteAsync(s =>
        {
            for (var i = 0; i < entries; i++)
            {
                var kind = i % 10 == 9 ? TimelineKinds.Decision : TimelineKinds.Note;
                s.Incidents.Upsert(new TimelineEntry($"{incident.Id}-{i:00000}", incident.Id, start.AddMilliseconds(i), kind, "bulk", Text(i)));
            }

            return true;
        });
        return incident.Id;
    }
}
