using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Incidents;

/// <summary>
/// Required responses that tick themselves. The write that does the thing — a move to Contained, a kill switch engaged,
/// a rollback started, evidence preserved — calls here inside its own transaction, so the tick, its ledger entry and the
/// sequence of the entry that proves it commit with the thing itself, or not at all.
/// </summary>
public static class IncidentObligations
{
    public const string AutoTickAction = "incident.auto-tick-obligation";
    public const string CloseOverrideAction = "incident.close-override";
    public const string ByHand = "Ticked by hand";

    /// <summary>The incident's required responses not ticked yet, in the catalogue's order.</summary>
    public static IReadOnlyList<Obligation> Open(Incident incident) =>
        [.. IncidentCatalog.Obligations[incident.Severity].Where(o => !incident.TickedObligations.Contains(o.Key))];

    /// <summary>Closing needs an explicit, reasoned override: the incident is SEV-1 and a required response is open.</summary>
    public static bool CloseNeedsOverride(Incident incident) =>
        incident.Severity == IncidentSeverity.Sev1 && Open(incident).Count > 0;

    /// <summary>How the obligation was ticked, if it was and the console knows (ticks from before proofs were kept have none).</summary>
    public static ObligationTick? TickOf(Incident incident, string key) => incident.ObligationTicks.LastOrDefault(t => t.Key == key);

    /// <summary>A kill switch was turned on: ticks open incidents on its scope and the incident it names.</summary>
    public static void KillSwitchEngaged(Change c, string switchId, string scope, string? incidentId, long sequence) =>
        SeenOnScope(c, scope, incidentId, $"Kill switch {switchId} turned on", sequence);

    /// <summary>A rollback (not a drill) started: ticks open incidents on its scope and the incident it names.</summary>
    public static void RollbackStarted(Change c, string runId, string scope, string? incidentId, long sequence) =>
        SeenOnScope(c, scope, incidentId, $"Rollback {runId} of scope {scope} started", sequence);

    /// <summary>
    /// Ticks the incident's open obligation that <paramref name="signal"/> fulfils, citing ledger entry
    /// <paramref name="sequence"/> as its proof; returns the incident as it now is (unchanged when nothing was open).
    /// </summary>
    public static Incident Seen(Change c, Incident incident, ObligationSignal signal, string proof, long sequence)
    {
        var obligation = Open(incident).FirstOrDefault(o => o.SeenWhen == signal);
        if (obligation is null || incident.Status == IncidentStatus.Closed)
        {
            return incident;
        }

        var entry = c.Record(AutoTickAction, $"incident:{incident.Id}", new { obligation = obligation.Key, proof, proofSequence = sequence });
        var ticked = WithTick(incident, new ObligationTick(obligation.Key, c.Now, c.Actor.DisplayName, Automatic: true, proof, sequence));
        c.Session.Incidents.Upsert(ticked);
        IncidentTimeline.Append(c, incident.Id, TimelineKinds.Obligation, $"Done: {obligation.Text}", $"Seen by the console: {proof} (ledger #{sequence})");
        c.Publish(Topics.Incidents, AutoTickAction, incident.Id, incident.Title, entry.Sequence);
        return ticked;
    }

    internal static Incident WithTick(Incident incident, ObligationTick tick) => incident with
    {
        TickedObligations = [.. incident.TickedObligations, tick.Key],
        ObligationTicks = [.. incident.ObligationTicks, tick],
    };

    // The incident named, even when resolved (evidence is often gathered then), and the open incidents on the scope.
    // A global switch names no incident scope, so it ticks only the incident it names.
    private static void SeenOnScope(Change c, string scope, string? incidentId, string proof, long sequence)
    {
        var affected = c.Session.Incidents.All().Where(i =>
            string.Equals(i.Id, incidentId, StringComparison.Ordinal) || (i.IsOpen && i.Scopes.Contains(scope, StringComparer.OrdinalIgnoreCase)));
        foreach (var incident in affected.ToList())
        {
            Seen(c, incident, ObligationSignal.KillSwitchOrRollback, proof, sequence);
        }
    }
}
