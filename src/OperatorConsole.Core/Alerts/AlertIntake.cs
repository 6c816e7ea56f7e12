using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.Alerts;

/// <summary>What one delivery did: the delivery as logged, and the incidents it opened or joined.</summary>
public sealed record IntakeResult(AlertDelivery Delivery, IReadOnlyList<string> OpenedIncidents, IReadOnlyList<string> JoinedIncidents);

/// <summary>
/// The one entry for alerts. A delivery is routed in one write: every alert is stored once per fingerprint and start
/// (a repeat changes nothing), matched against the matrix, and opens or joins an incident or lands in the unrouted
/// inbox; the delivery itself is logged (the newest <see cref="DeliveriesKept"/> are kept). Runs a rule starts
/// automatically begin once that write is durable.
/// </summary>
public sealed class AlertIntake(ChangeRunner changes, RunService runs, ILogger<AlertIntake> logger) : IAlertIntake
{
    /// <summary>Who may post alerts: on-call keys (the usual webhook key) and Admins; Viewers may not.</summary>
    public const Role Posters = Role.OnCall | Role.Admin;
    public const int DeliveriesKept = 500;

    public Task ReceiveAsync(Actor actor, string source, IReadOnlyList<IncomingAlert> alerts, CancellationToken cancellationToken = default) =>
        RouteAsync(actor, source, () => alerts, cancellationToken);

    /// <summary>
    /// Routes one delivery. <paramref name="alerts"/> is read after the role gate, so a caller without the role is told
    /// 403 before anything about its body; a body it cannot read refuses the delivery and stores nothing.
    /// </summary>
    public async Task<IntakeResult> RouteAsync(Actor actor, string source, Func<IReadOnlyList<IncomingAlert>> alerts, CancellationToken cancellationToken = default)
    {
        var (result, autoRuns) = await changes.RunAsync(actor, c =>
        {
            c.Require(Posters, AlertActions.Receive, $"alerts:{source}");
            var batch = alerts();
            IncomingAlerts.Validate(batch);
            return Route(c, source, batch);
        }, cancellationToken);

        foreach (var (slug, incidentId) in autoRuns)
        {
            try
            {
                await runs.StartAsync(actor, slug, incidentId: incidentId);
            }
            catch (DomainException e)
            {
                logger.LogWarning("The rule's automatic run of {RunbookSlug} for {IncidentId} was refused: {Reason}", slug, incidentId, e.Message);
            }
        }

        return result;
    }

    private static (IntakeResult, List<(string Slug, string IncidentId)>) Route(Change c, string source, IReadOnlyList<IncomingAlert> alerts)
    {
        var rules = c.Session.Alerts.Rules();
        var runbooks = c.Session.Runbooks.Latest();
        var (opened, joined, matched, autoRuns) = (new List<string>(), new List<string>(), new List<string>(), new List<(string, string)>());
        int added = 0, resolved = 0, unchanged = 0, unrouted = 0;
        foreach (var incoming in alerts)
        {
            var id = AlertRecord.IdOf(incoming.Fingerprint, incoming.StartsAt);
            var existing = c.Session.Alerts.Alert(id);
            if (existing is null)
            {
                var rule = AlertRules.FirstMatch(rules, incoming.Labels);
                var alert = New(c, source, id, incoming, rule, RunbookLookup.Find(runbooks, incoming.Labels, incoming.Annotations, rule?.RunbookSlug));
                if (rule is not null && incoming.Status == IncomingAlert.Firing)
                {
                    var (incident, isNew) = AlertIncidents.JoinOrOpen(c, rule, alert);
                    alert = alert with { IncidentId = incident.Id };
                    (isNew ? opened : joined).Add(incident.Id);
                    if (isNew && rule.AutoStartRun && alert.RunbookSlug is { } slug)
                    {
                        autoRuns.Add((slug, incident.Id));
                    }

                    AlertIncidents.Firing(c, incident.Id, alert);
                }

                c.Session.Alerts.Upsert(alert);
                c.Publish(Topics.Alerts, rule is null ? AlertActions.Received : AlertActions.Routed, alert.Id, $"{alert.AlertName} {alert.Status}");
                added++;
                unrouted += rule is null ? 1 : 0;
                if (rule is not null)
                {
                    matched.Add(rule.Name);
                }
            }
            else if (existing.Status == IncomingAlert.Firing && incoming.Status == IncomingAlert.Resolved)
            {
                var done = existing with { Status = IncomingAlert.Resolved, EndsAt = incoming.EndsAt, ResolvedAt = c.Now };
                c.Session.Alerts.Upsert(done);
                if (done.IncidentId is { } incidentId)
                {
                    AlertIncidents.Resolved(c, incidentId, done);
                }

                c.Publish(Topics.Alerts, AlertActions.Resolved, done.Id, $"{done.AlertName} resolved");
                resolved++;
                if (done.RuleName is not null)
                {
                    matched.Add(done.RuleName);
                }
            }
            else
            {
                unchanged++;
            }
        }

        var outcome = $"{added} new ({unrouted} unrouted), {resolved} resolved, {unchanged} unchanged"
            + (opened.Count > 0 ? $"; opened {string.Join(", ", opened.Distinct())}" : string.Empty)
            + (joined.Count > 0 ? $"; joined {string.Join(", ", joined.Distinct())}" : string.Empty);
        var delivery = new AlertDelivery(Guid.NewGuid().ToString("N")[..16], c.Now, source, c.Actor.DisplayName, alerts.Count,
            [.. matched.Distinct()], outcome);
        c.Session.Alerts.Add(delivery);
        c.Session.Alerts.PruneDeliveries(DeliveriesKept);
        if (added + resolved > 0)
        {
            c.Record(AlertActions.Receive, $"alerts:{source}", new { delivery = delivery.Id, added, resolved, unrouted, opened, joined });
        }

        c.Publish(Topics.Alerts, AlertActions.Delivered, delivery.Id, outcome);
        return (new IntakeResult(delivery, [.. opened.Distinct()], [.. joined.Distinct()]), autoRuns);
    }

    private static AlertRecord New(Change c, string source, string id, IncomingAlert incoming, AlertRule? rule, string? runbookSlug) => new()
    {
        Id = id,
        Source = source,
        Fingerprint = incoming.Fingerprint,
        Status = incoming.Status,
        Labels = new Dictionary<string, string>(incoming.Labels, StringComparer.Ordinal),
        Annotations = new Dictionary<string, string>(incoming.Annotations, StringComparer.Ordinal),
        StartsAt = incoming.StartsAt.ToUniversalTime(),
        EndsAt = incoming.EndsAt?.ToUniversalTime(),
        GeneratorUrl = IncomingAlerts.SafeLink(incoming.GeneratorUrl),
        ReceivedAt = c.Now,
        ResolvedAt = incoming.Status == IncomingAlert.Resolved ? c.Now : null,
        RuleId = rule?.Id,
        RuleName = rule?.Name,
        Scope = rule?.ScopeOf(incoming.Labels),
        RunbookSlug = runbookSlug,
    };
}
