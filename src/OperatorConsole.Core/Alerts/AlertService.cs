using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Alerts;

/// <summary>What the alert pages and API read, and the unrouted inbox's one action: opening an incident for an alert.</summary>
public sealed class AlertService(ChangeRunner changes)
{
    public const int MaxList = 500;

    /// <summary>Recent alerts, newest first; <paramref name="routed"/> false is the unrouted inbox.</summary>
    public IReadOnlyList<AlertRecord> Recent(bool? routed = null, string? incidentId = null, int take = 200) =>
        changes.Store.Read(s => s.Alerts.Recent(Math.Clamp(take, 1, MaxList), routed, incidentId));

    public AlertRecord? Get(string id) => changes.Store.Read(s => s.Alerts.Alert(id));

    /// <summary>The delivery log is for Admins debugging intake: who sent what, what matched, what came of it.</summary>
    public IReadOnlyList<AlertDelivery> Deliveries(Actor actor, int take = 200)
    {
        if (!actor.HasAny(Role.Admin))
        {
            throw new AccessDeniedException("Only admins can read alert deliveries.");
        }

        return changes.Store.Read(s => s.Alerts.Deliveries(Math.Clamp(take, 1, AlertIntake.DeliveriesKept)));
    }

    /// <summary>Whether <paramref name="actor"/> may act on the unrouted inbox (open an incident from an alert).</summary>
    public static bool CanOpenIncident(Actor actor) => actor.HasAny(IncidentService.Responders);

    /// <summary>An on-call opens an incident for an alert no rule routed; the alert then belongs to it.</summary>
    public async Task<Incident> OpenIncidentAsync(Actor actor, string alertId, IncidentClass incidentClass, IncidentSeverity severity)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(AlertActions.OpenIncident, $"alert:{alertId}");
            var alert = c.Session.Alerts.Alert(alertId) ?? throw new NotFoundException($"No alert '{alertId}'.");
            if (alert.IncidentId is not null)
            {
                throw new ConflictException($"The alert already belongs to {alert.IncidentId}.");
            }

            var incident = AlertIncidents.OpenUnrouted(c, alert, incidentClass, severity);
            var linked = alert with { IncidentId = incident.Id };
            c.Session.Alerts.Upsert(linked);
            AlertIncidents.Firing(c, incident.Id, linked);
            var entry = c.Record(AlertActions.OpenIncident, $"alert:{alertId}", new { incident = incident.Id });
            c.Publish(Topics.Alerts, AlertActions.OpenIncident, alertId, incident.Id, entry.Sequence);
            return incident;
        });
    }
}
