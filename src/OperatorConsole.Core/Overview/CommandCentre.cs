using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Overview;

/// <summary>
/// The command centre: open incidents, switches that are on, lockdown, scopes at risk, failing checks, unrouted alerts
/// and the viewer's own incidents. The home page and GET /api/overview ask this one query; watchers of
/// <see cref="Topics"/> ask again when something changes.
/// </summary>
public sealed class CommandCentre(ChangeRunner changes, ScopeStandings standings, ScheduledCheckService checks)
{
    /// <summary>How many unrouted alerts are listed; the alerts page has the rest.</summary>
    public const int UnroutedShown = 10;

    /// <summary>Every topic whose events can change the answer.</summary>
    public static readonly IReadOnlyList<string> Topics =
    [
        Live.Topics.Incidents, Live.Topics.KillSwitches, Live.Topics.Lockdown, Live.Topics.Scopes,
        Live.Topics.Rollbacks, Live.Topics.HealthChecks, Live.Topics.Alerts,
    ];

    public CommandCentreView For(Actor viewer)
    {
        var now = changes.Now;
        var (incidents, switches, lockdown, alerts) = changes.Store.Read(s => (
            s.Incidents.Open().ToList(),
            s.KillSwitches.All().Where(k => k.On).ToList(),
            s.Lockdown.Active(),
            s.Alerts.Recent(UnroutedShown * 5, routed: false).Where(a => a.Status == IncomingAlert.Firing).Take(UnroutedShown).ToList()));

        var open = incidents
            .OrderBy(i => i.Severity).ThenBy(i => i.OpenedAt)
            .Select(i => new IncidentLine(i.Id, i.Title, i.Severity, IncidentCatalog.Label(i.Severity), i.Status, i.Owner, i.OpenedAt, now - i.OpenedAt))
            .ToList();
        var mine = incidents.Where(i => i.OwnerId == viewer.Id).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return new CommandCentreView(
            now,
            open,
            [.. open.Where(i => mine.Contains(i.Id))],
            [.. switches.Select(k => new SwitchOnLine(
                k.Id, k.Key, k.Scope, k.Protective, k.DefaultOn, k.LastChange?.At, k.LastChange?.Reason, k.LastChange?.ActorName, k.LastChange?.IncidentId))],
            lockdown is null ? null : new LockdownLine(
                lockdown.Id, lockdown.Reason, lockdown.EngagedByName, lockdown.EngagedAt, lockdown.IncidentId, lockdown.PendingReleases.Count),
            [.. standings.All().OrderByDescending(s => s.ActiveIsBad).ThenByDescending(s => s.NeedsAttention).ThenBy(s => s.ScopeId, StringComparer.Ordinal)],
            [.. checks.List().Where(c => c.Status == "failing").Select(c => new FailingCheckLine(
                c.Check.Id, c.Check.Name, c.State.Last!.Reason, c.State.Last.At, c.State.ConsecutiveFailures, c.State.AlertFiring))],
            [.. alerts.Select(a => new UnroutedAlertLine(a.Id, a.AlertName ?? a.Fingerprint, a.Scope, a.Source, a.ReceivedAt))]);
    }
}
