using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// A join-open route holding 5,000 alerts (one per flip of a global switch, as the console's own kill-switch alert):
/// one delivery of a new alert that joins the route's open incident, and the newest-first read that join does. Each
/// delivery adds an alert to the route (one per iteration at these times, so a run grows it by a few per cent).
/// </summary>
public class AlertRouteBenchmarks
{
    private const int AlertsOnRoute = 5_000;
    private const string AlertName = "GlobalSwitchFlipped";
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private string _folder = string.Empty;
    private ServiceProvider _services = default!;
    private AlertIntake _intake = default!;
    private IConsoleStore _store = default!;
    private string _routeKey = string.Empty;
    private int _flips;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("oc-bench-").FullName;
        _services = BenchmarkServices.Over(_folder);
        _intake = _services.GetRequiredService<AlertIntake>();
        _store = _services.GetRequiredService<IConsoleStore>();
        _services.GetRequiredService<AlertRuleService>().CreateAsync(Actor.System, new AlertRuleDraft(
            "Global switch", AlertName, [], IncidentClass.StalePackBreach, IncidentSeverity.Sev2, "Check the switch", null, "scope",
            AlertRuleMode.JoinOpen, false)).GetAwaiter().GetResult();
        DeliverAsync().GetAwaiter().GetResult();

        // The rest of the route is written straight to the store: routed one by one, seeding alone would take as long
        // as the cost it measures.
        var first = _store.Read(s => s.Alerts.Recent(1).Single());
        _routeKey = first.RouteKey!;
        _store.WriteAsync(s =>
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

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One webhook call with one new firing of the route: routed, joined to the open incident, committed with fsync.</summary>
    [Benchmark]
    public Task<IntakeResult> DeliverJoiningAlert() => DeliverAsync();

    /// <summary>What the join reads: the route's newest alert.</summary>
    [Benchmark]
    public string NewestOfRoute() => _store.Read(s => s.Alerts.ByRoute(_routeKey).First().Id);

    private Task<IntakeResult> DeliverAsync()
    {
        var labels = new Dictionary<string, string> { ["alertname"] = AlertName, ["scope"] = "global" };
        var incoming = new IncomingAlert(IncomingAlert.Firing, labels, new Dictionary<string, string>(), Start.AddMinutes(_flips++), null, null,
            IncomingAlerts.Fingerprint(labels));
        return _intake.RouteAsync(Actor.System, "console", () => [incoming]);
    }
}
