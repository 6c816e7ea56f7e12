using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runbooks;
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
public sealed class AlertIntake(ChangeRunner changes, RunService runs, LatestRunbooks latestRunbooks, ILogger<AlertIntake> logger) : IAlertIntake
{
    /// <summary>Who may post alerts: on-call keys (the usual webhook key) and Admins; Viewers may not.</summary>
    public const Role Posters = Role.OnCall | Role.Admin;
    public const int DeliveriesKept = 500;

    /// <summary>
    /// Resolved alerts kept for the lists and the matrix preview; older ones live on in their incident's timeline and the
    /// ledger. Firing alerts are never removed, so a repeat of one still changes nothing.
    /// </summary>
    public const int ResolvedAlertsKept = 5_000;

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
            c.Require(AlertActions.Receive, $"alerts:{source}");
            var batch = alerts();
            IncomingAlerts.Validate(batch);
            return Route(c, source, batch, latestRunbooks);
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

    private static (IntakeResult, List<(string Slug, string IncidentId)>) Route(
        Change c, string source, IReadOnlyList<IncomingAlert> alerts, LatestRunbooks latestRunbooks)
    {
        // Rules and runbooks are read only once a delivery holds a new alert: a repeat or a resolve needs neither (the
        // console resolves its kill-switch alert on every second flip of a global switch).
        var tally = new Tally(new(c.Session.Alerts.Rules), new(() => latestRunbooks.Read(c.Session)));
        foreach (var incoming in alerts)
        {
            var existing = c.Session.Alerts.Alert(AlertRecord.IdOf(incoming.Fingerprint, incoming.StartsAt));
            if (existing is null)
            {
                Add(c, source, incoming, tally);
            }
            else if (existing.Status == IncomingAlert.Firing && incoming.Status == IncomingAlert.Resolved)
            {
                Resolve(c, existing, incoming, tally);
            }
            else
            {
                tally.Unchanged++;
            }
        }

        var delivery = new AlertDelivery(Guid.NewGuid().ToString("N")[..16], c.Now, source, c.Actor.DisplayName, alerts.Count,
            [.. tally.Matched.Distinct()], tally.Outcome);
        c.Session.Alerts.Add(delivery);
        c.Session.Alerts.PruneDeliveries(DeliveriesKept);
        if (tally.Resolved > 0)
        {
            c.Session.Alerts.PruneResolvedAlerts(ResolvedAlertsKept);
        }
        if (tally.Added + tally.Resolved > 0)
        {
            c.Record(AlertActions.Receive, $"alerts:{source}", new
            {
                delivery = delivery.Id, added = tally.Added, resolved = tally.Resolved, unrouted = tally.Unrouted, opened = tally.Opened, joined = tally.Joined,
            });
        }

        c.Publish(Topics.Alerts, AlertActions.Delivered, delivery.Id, delivery.Outcome);
        return (new IntakeResult(delivery, [.. tally.Opened.Distinct()], [.. tally.Joined.Distinct()]), tally.AutoRuns);
    }

    /// <summary>A first sight of this firing: route it, open or join its incident, or leave it in the unrouted inbox.</summary>
    private static void Add(Change c, string source, IncomingAlert incoming, Tally tally)
    {
        var rule = AlertRules.FirstMatch(tally.Rules, incoming.Labels);
        var alert = New(c, source, incoming, rule, RunbookLookup.Find(tally.Runbooks, incoming.Labels, incoming.Annotations, rule?.RunbookSlug));
        if (rule is not null && incoming.Status == IncomingAlert.Firing)
        {
            var (incident, opened) = AlertIncidents.JoinOrOpen(c, rule, alert);
            alert = alert with { IncidentId = incident.Id };
            (opened ? tally.Opened : tally.Joined).Add(incident.Id);
            if (opened && rule.AutoStartRun && alert.RunbookSlug is { } slug)
            {
                tally.AutoRuns.Add((slug, incident.Id));
            }

            AlertIncidents.Firing(c, incident.Id, alert);
        }

        c.Session.Alerts.Upsert(alert);
        c.Publish(Topics.Alerts, rule is null ? AlertActions.Received : AlertActions.Routed, alert.Id, $"{alert.AlertName} {alert.Status}");
        tally.Added++;
        if (rule is null)
        {
            tally.Unrouted++;
        }
        else
        {
            tally.Matched.Add(rule.Name);
        }
    }

    private static void Resolve(Change c, AlertRecord existing, IncomingAlert incoming, Tally tally)
    {
        var resolved = existing with { Status = IncomingAlert.Resolved, EndsAt = incoming.EndsAt, ResolvedAt = c.Now };
        c.Session.Alerts.Upsert(resolved);
        if (resolved.IncidentId is { } incidentId)
        {
            AlertIncidents.Resolved(c, incidentId, resolved);
        }

        c.Publish(Topics.Alerts, AlertActions.Resolved, resolved.Id, $"{resolved.AlertName} resolved");
        tally.Resolved++;
        if (resolved.RuleName is not null)
        {
            tally.Matched.Add(resolved.RuleName);
        }
    }

    private static AlertRecord New(Change c, string source, IncomingAlert incoming, AlertRule? rule, string? runbookSlug) => new()
    {
        Id = AlertRecord.IdOf(incoming.Fingerprint, incoming.StartsAt),
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

    /// <summary>What one delivery did so far, for its log line, its ledger entry and the runs to start after it commits.</summary>
    private sealed class Tally(Lazy<IReadOnlyList<AlertRule>> rules, Lazy<IReadOnlyList<Runbook>> runbooks)
    {
        public IReadOnlyList<AlertRule> Rules => rules.Value;
        public IReadOnlyList<Runbook> Runbooks => runbooks.Value;
        public List<string> Opened { get; } = [];
        public List<string> Joined { get; } = [];
        public List<string> Matched { get; } = [];
        public List<(string Slug, string IncidentId)> AutoRuns { get; } = [];
        public int Added { get; set; }
        public int Resolved { get; set; }
        public int Unchanged { get; set; }
        public int Unrouted { get; set; }

        public string Outcome => $"{Added} new ({Unrouted} unrouted), {Resolved} resolved, {Unchanged} unchanged"
            + (Opened.Count > 0 ? $"; opened {string.Join(", ", Opened.Distinct())}" : string.Empty)
            + (Joined.Count > 0 ? $"; joined {string.Join(", ", Joined.Distinct())}" : string.Empty);
    }
}
