using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// A join-open route holding 5,000 alerts (one per flip of a global switch, as the console's own kill-switch alert):
/// one delivery of a new alert that joins the route's open incident, and the newest-first read that join does. Each
/// delivery adds an alert to the route (one per iteration at these times, so a run grows it by a few per cent).
/// </summary>
public class AlertRouteBenchmarks : AlertIntakeBenchmark
{
    private const int AlertsOnRoute = 5_000;
    private const string AlertName = "GlobalSwitchFlipped";
    private string _routeKey = string.Empty;
    private int _flips;

    [GlobalSetup]
    public void Setup()
    {
        OpenStore();
        Services.GetRequiredService<AlertRuleService>().CreateAsync(Actor.System, new AlertRuleDraft(
            "Global switch", AlertName, [], IncidentClass.StalePackBreach, IncidentSeverity.Sev2, "Check the switch", null, "scope",
            AlertRuleMode.JoinOpen, false)).GetAwaiter().GetResult();
        DeliverAsync().GetAwaiter().GetResult();

        // The rest of the route is written straight to the store: routed one by one, seeding alone would take as long
        // as the cost it measures.
        var first = Store.Read(s => s.Alerts.Recent(1).Single());
        _routeKey = first.RouteKey!;
        Store.WriteAsync(s =>
        {
            for (var i = 1; i < AlertsOnRoute; i++)
            {
                var at = Start.AddMinutes(i);
                s.Alerts.Upsert(first with { Id = AlertRecord.IdOf(first.Fingerprint, at), StartsAt = at, ReceivedAt = first.ReceivedAt.AddMinutes(i) });
            }

            return 0;
        }).GetAwaiter().GetResult();
        _flips = AlertsOnRoute;
    }

    /// <summary>One webhook call with one new firing of the route: routed, joined to the open incident, committed with fsync.</summary>
    [Benchmark]
    public Task<IntakeResult> DeliverJoiningAlert() => DeliverAsync();

    /// <summary>What the join reads: the route's newest alert.</summary>
    [Benchmark]
    public string NewestOfRoute() => Store.Read(s => s.Alerts.ByRoute(_routeKey).First().Id);

    private Task<IntakeResult> DeliverAsync()
    {
        var labels = new Dictionary<string, string> { ["alertname"] = AlertName, ["scope"] = "global" };
        var incoming = new IncomingAlert(IncomingAlert.Firing, labels, new Dictionary<string, string>(), Start.AddMinutes(_flips++), null, null,
            IncomingAlerts.Fingerprint(labels));
        return Intake.RouteAsync(Actor.System, "console", () => [incoming]);
    }
}
