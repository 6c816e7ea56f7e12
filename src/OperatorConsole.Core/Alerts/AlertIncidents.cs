using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Core.Alerts;

/// <summary>How an alert lands on incidents, inside the caller's change: open or join, and the firing and resolution lines.</summary>
internal static class AlertIncidents
{
    /// <summary>The open incident of the alert's rule and scope when the rule joins, else a newly opened one.</summary>
    public static (Incident Incident, bool Opened) JoinOrOpen(Change c, AlertRule rule, AlertRecord alert)
    {
        if (rule.Mode == AlertRuleMode.JoinOpen && alert.RouteKey is { } key)
        {
            var open = c.Session.Alerts.ByRoute(key)
                .Where(a => a.IncidentId is not null)
                .Select(a => c.Session.Incidents.Get(a.IncidentId!))
                .FirstOrDefault(i => i is { IsOpen: true });
            if (open is not null)
            {
                return (LinkRunbook(c, open, alert), false);
            }
        }

        var scope = Clean(alert.Scope, 100);
        var title = $"{rule.Name}: {alert.AlertName ?? "alert"}{(scope.Length > 0 ? $" ({scope})" : string.Empty)}";
        var request = new OpenIncident(Clean(title, IncidentService.MaxTitleLength), rule.Class, rule.Severity,
            scope.Length > 0 ? [scope] : [], $"Alert {alert.AlertName} from {alert.Source}");
        return (IncidentService.Open(c, request, rule.FirstAction, alert.RunbookSlug), true);
    }

    // A later alert may bring the runbook the first one lacked (a runbook imported since, or its runbook_url), so the
    // incident the on-call is already in gains the "Run" offer.
    private static Incident LinkRunbook(Change c, Incident incident, AlertRecord alert)
    {
        if (incident.RunbookSlug is not null || alert.RunbookSlug is not { } slug)
        {
            return incident;
        }

        var linked = incident with { RunbookSlug = slug };
        c.Session.Incidents.Upsert(linked);
        var entry = c.Record(AlertActions.LinkRunbook, $"incident:{incident.Id}", new { runbook = slug, alert = alert.Id });
        IncidentTimeline.Append(c, incident.Id, TimelineKinds.Alert, $"Runbook {slug} linked by alert {alert.AlertName}");
        c.Publish(Live.Topics.Incidents, AlertActions.LinkRunbook, incident.Id, incident.Title, entry.Sequence);
        return linked;
    }

    /// <summary>Opens an incident for an alert no rule routed; an on-call chose the class and severity.</summary>
    public static Incident OpenUnrouted(Change c, AlertRecord alert, IncidentClass incidentClass, IncidentSeverity severity)
    {
        var request = new OpenIncident(Clean($"Unrouted alert: {alert.AlertName ?? alert.Fingerprint}", IncidentService.MaxTitleLength),
            incidentClass, severity, [], $"Alert {alert.AlertName} from {alert.Source}");
        return IncidentService.Open(c, request, runbookSlug: alert.RunbookSlug);
    }

    public static void Firing(Change c, string incidentId, AlertRecord alert) =>
        IncidentTimeline.Append(c, incidentId, TimelineKinds.Alert, $"Alert {alert.AlertName} firing",
            AlertRules.Describe(alert.Labels), alert.GeneratorUrl);

    public static void Resolved(Change c, string incidentId, AlertRecord alert) =>
        IncidentTimeline.Append(c, incidentId, TimelineKinds.Alert, $"Alert {alert.AlertName} resolved",
            AlertRules.Describe(alert.Labels), alert.GeneratorUrl);

    private static string Clean(string? text, int max)
    {
        var clean = new string((text ?? string.Empty).Where(ch => !char.IsControl(ch)).ToArray()).Trim();
        return clean.Length > max ? clean[..max] : clean;
    }
}
