using Microsoft.Extensions.Time.Testing;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Alerts;

/// <summary>Intake over a real store: idempotency, open versus join, resolution on the timeline, the unrouted inbox.</summary>
public sealed class AlertIntakeTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 20, 0, 0, TimeSpan.Zero);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    private Task<AlertRule> RuleAsync(string alertName, AlertRuleMode mode, IncidentSeverity severity = IncidentSeverity.Sev2) =>
        _store.AlertRules.CreateAsync(TestActors.Admin, new AlertRuleDraft($"{alertName} rule", alertName, [], IncidentClass.StalePackBreach,
            severity, "Pause confidence claims", null, "scope", mode, false));

    private static IncomingAlert Alert(string name, string scope, string status = IncomingAlert.Firing, int startMinute = 0)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = name, ["scope"] = scope };
        return new IncomingAlert(status, labels, new Dictionary<string, string>(), Start.AddMinutes(startMinute),
            status == IncomingAlert.Resolved ? Start.AddMinutes(startMinute + 5) : null, "https://prometheus.example/graph?g0.expr=up", IncomingAlerts.Fingerprint(labels));
    }

    private Task<IntakeResult> SendAsync(params IncomingAlert[] alerts) => _store.AlertIntake.RouteAsync(TestActors.Omar, "alertmanager", () => alerts);

    [Fact]
    public async Task Receive_SameAlertTwice_SecondChangesNothing()
    {
        await RuleAsync("StalePack", AlertRuleMode.OpenNew);
        await SendAsync(Alert("StalePack", "porto"));
        var ledgerBefore = _store.Ledger.Count;

        var second = await SendAsync(Alert("StalePack", "porto"));

        Assert.Empty(second.OpenedIncidents);
        Assert.Single(_store.Incidents.List());
        Assert.Single(_store.Alerts.Recent());
        Assert.Equal(ledgerBefore, _store.Ledger.Count);
        Assert.Contains("1 unchanged", second.Delivery.Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_FiringWithRule_OpensIncidentWithRuleSeverityAndFirstAction()
    {
        await RuleAsync("StalePack", AlertRuleMode.JoinOpen, IncidentSeverity.Sev1);

        var result = await SendAsync(Alert("StalePack", "porto"));

        var incident = _store.Incidents.Get(Assert.Single(result.OpenedIncidents))!;
        Assert.Equal((IncidentSeverity.Sev1, "Pause confidence claims", "porto"), (incident.Severity, incident.FirstAction, Assert.Single(incident.Scopes)));
        var firing = Assert.Single(_store.Incidents.Timeline(incident.Id), e => e.Kind == TimelineKinds.Alert);
        Assert.Equal(("Alert StalePack firing", "https://prometheus.example/graph?g0.expr=up"), (firing.Text, firing.Link));
        Assert.Contains("scope=porto", firing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_JoinOpenRuleSameScope_JoinsTheOpenIncident()
    {
        await RuleAsync("StalePack", AlertRuleMode.JoinOpen);
        var first = await SendAsync(Alert("StalePack", "porto"));

        var second = await SendAsync(Alert("StalePack", "porto", startMinute: 10));

        Assert.Equal(first.OpenedIncidents, second.JoinedIncidents);
        Assert.Single(_store.Incidents.List());
    }

    [Fact]
    public async Task Receive_JoiningAlertFindsRunbookTheFirstLacked_IncidentGainsIt()
    {
        await RuleAsync("StalePack", AlertRuleMode.JoinOpen);
        var first = await SendAsync(Alert("StalePack", "porto"));
        var runbook = await _store.Runbooks.ImportAsync(TestActors.Admin, "stale-pack.md",
            System.Text.Encoding.UTF8.GetBytes("# StalePack\n\n## Steps\n\n1. Refresh the pack.\n"));

        await SendAsync(Alert("StalePack", "porto", startMinute: 10));

        var incident = _store.Incidents.Get(Assert.Single(first.OpenedIncidents))!;
        Assert.Equal(runbook.Runbook.Slug, incident.RunbookSlug);
    }

    [Fact]
    public async Task Receive_JoinOpenRuleOtherScope_OpensAnother()
    {
        await RuleAsync("StalePack", AlertRuleMode.JoinOpen);
        await SendAsync(Alert("StalePack", "porto"));

        var other = await SendAsync(Alert("StalePack", "lisbon"));

        Assert.Single(other.OpenedIncidents);
        Assert.Equal(2, _store.Incidents.List().Count);
    }

    [Fact]
    public async Task Receive_JoinOpenRuleIncidentResolved_OpensNew()
    {
        await RuleAsync("StalePack", AlertRuleMode.JoinOpen);
        var first = await SendAsync(Alert("StalePack", "porto"));
        var owner = new Actor("ines", "Ines", Role.IncidentOwner);
        await _store.Incidents.MoveAsync(owner, first.OpenedIncidents[0], IncidentStatus.Resolved);

        var again = await SendAsync(Alert("StalePack", "porto", startMinute: 30));

        Assert.NotEqual(first.OpenedIncidents, again.OpenedIncidents);
        Assert.Single(again.OpenedIncidents);
    }

    [Fact]
    public async Task Receive_OpenNewRule_EachFiringOpensItsOwn()
    {
        await RuleAsync("StalePack", AlertRuleMode.OpenNew);
        await SendAsync(Alert("StalePack", "porto"));

        var second = await SendAsync(Alert("StalePack", "porto", startMinute: 10));

        Assert.Single(second.OpenedIncidents);
        Assert.Equal(2, _store.Incidents.List().Count);
    }

    [Fact]
    public async Task Receive_Resolved_RecordedOnAlertAndTimelineOnce()
    {
        await RuleAsync("StalePack", AlertRuleMode.JoinOpen);
        var opened = await SendAsync(Alert("StalePack", "porto"));

        await SendAsync(Alert("StalePack", "porto", IncomingAlert.Resolved));
        await SendAsync(Alert("StalePack", "porto", IncomingAlert.Resolved));

        var alert = Assert.Single(_store.Alerts.Recent());
        Assert.Equal(IncomingAlert.Resolved, alert.Status);
        Assert.Single(_store.Incidents.Timeline(opened.OpenedIncidents[0]), e => e.Text == "Alert StalePack resolved");
    }

    [Fact]
    public async Task Receive_NoRuleMatches_LandsInUnroutedInboxWithoutIncident()
    {
        await RuleAsync("StalePack", AlertRuleMode.JoinOpen);

        await SendAsync(Alert("DiskFull", "porto"));

        var unrouted = Assert.Single(_store.Alerts.Recent(routed: false));
        Assert.Equal(("DiskFull", null, null), (unrouted.AlertName, unrouted.RuleId, unrouted.IncidentId));
        Assert.Empty(_store.Incidents.List());
        Assert.Empty(_store.Alerts.Recent(routed: true));
    }

    [Fact]
    public async Task OpenIncident_FromUnroutedAlert_LinksTheAlert()
    {
        await SendAsync(Alert("DiskFull", "porto"));
        var unrouted = Assert.Single(_store.Alerts.Recent(routed: false));

        var incident = await _store.Alerts.OpenIncidentAsync(TestActors.Omar, unrouted.Id, IncidentClass.Other, IncidentSeverity.Sev3);

        Assert.Equal(incident.Id, _store.Alerts.Get(unrouted.Id)!.IncidentId);
        await Assert.ThrowsAsync<ConflictException>(() => _store.Alerts.OpenIncidentAsync(TestActors.Olga, unrouted.Id, IncidentClass.Other, IncidentSeverity.Sev3));
    }

    [Fact]
    public async Task Receive_Viewer_DeniedAndNothingStored()
    {
        var viewer = new Actor("vera", "Vera", Role.Viewer);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.AlertIntake.RouteAsync(viewer, "webhook", () => [Alert("DiskFull", "porto")]));

        Assert.Empty(_store.Alerts.Recent());
        Assert.Empty(_store.Alerts.Deliveries(TestActors.Admin));
        Assert.Equal((AlertActions.Receive, LedgerOutcome.Denied), (_store.Ledger[^1].Action, _store.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task Receive_ManyDeliveries_KeepsOnlyTheNewest()
    {
        for (var i = 0; i < AlertIntake.DeliveriesKept + 3; i++)
        {
            await SendAsync(Alert("DiskFull", "porto"));
        }

        Assert.Equal(AlertIntake.DeliveriesKept, _store.Alerts.Deliveries(TestActors.Admin, int.MaxValue).Count);
    }

    [Fact]
    public async Task Receive_MoreDeliveriesThanKept_DropsTheOldest()
    {
        var clock = new FakeTimeProvider(Start);
        using var store = new TestStore(clock);
        var ids = new List<string>();
        for (var i = 0; i < AlertIntake.DeliveriesKept + 2; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            ids.Add((await store.AlertIntake.RouteAsync(TestActors.Omar, "alertmanager", () => [Alert("DiskFull", "porto")])).Delivery.Id);
        }

        var kept = store.Store.Read(s => s.Alerts.Deliveries(int.MaxValue)).Select(d => d.Id).ToHashSet();
        Assert.Equal(ids.Skip(2).ToHashSet(), kept);
    }

    [Fact]
    public async Task Receive_MoreResolvedAlertsThanKept_DropsOldestResolvedKeepsFiring()
    {
        var clock = new FakeTimeProvider(Start);
        using var store = new TestStore(clock);
        var firing = Alert("Watchdog", "porto");
        await store.AlertIntake.RouteAsync(TestActors.Omar, "alertmanager", () => [firing]);
        clock.Advance(TimeSpan.FromMinutes(1));
        var many = Enumerable.Range(0, AlertIntake.ResolvedAlertsKept + 2).Select(i => Alert("DiskFull", $"host-{i}")).ToArray();
        foreach (var batch in many.Chunk(1_000))
        {
            await store.AlertIntake.RouteAsync(TestActors.Omar, "alertmanager", () => batch);
        }

        foreach (var batch in many.Chunk(1_000))
        {
            await store.AlertIntake.RouteAsync(TestActors.Omar, "alertmanager",
                () => [.. batch.Select(a => a with { Status = IncomingAlert.Resolved, EndsAt = Start.AddMinutes(5) })]);
        }

        var kept = store.Store.Read(s => s.Alerts.Recent(int.MaxValue));
        Assert.Equal(AlertIntake.ResolvedAlertsKept, kept.Count(a => a.Status == IncomingAlert.Resolved));
        Assert.Contains(kept, a => a.Fingerprint == firing.Fingerprint && a.Status == IncomingAlert.Firing);
    }
}
