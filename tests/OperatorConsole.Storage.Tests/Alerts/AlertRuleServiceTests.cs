using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Alerts;

public sealed class AlertRuleServiceTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 20, 0, 0, TimeSpan.Zero);
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    private static AlertRuleDraft Draft(string alertName, bool autoRun = false, params string[] matchers) =>
        new($"{alertName} rule", alertName, matchers, IncidentClass.Other, IncidentSeverity.Sev3, "Look first", null, null, AlertRuleMode.JoinOpen, autoRun);

    private Task<IntakeResult> SendAsync(string alertName, string env) =>
        _store.AlertIntake.RouteAsync(TestActors.Omar, "webhook", () =>
        {
            var labels = new Dictionary<string, string> { ["alertname"] = alertName, ["env"] = env };
            return [new IncomingAlert(IncomingAlert.Firing, labels, new Dictionary<string, string>(), Start, null, null, IncomingAlerts.Fingerprint(labels))];
        });

    [Fact]
    public async Task Preview_DraftAgainstRecentAlerts_MarksMatchesAndTodaysRoute()
    {
        await _store.AlertRules.CreateAsync(TestActors.Admin, Draft("DiskFull", false, "env=prod"));
        await SendAsync("DiskFull", "prod");
        await SendAsync("DiskFull", "staging");

        var preview = _store.AlertRules.Preview(TestActors.Admin, Draft("DiskFull", false, "env=~\"staging|dev\""));

        var match = Assert.Single(preview, p => p.Matches);
        Assert.Equal(("staging", null), (match.Alert.Labels["env"], match.RoutedNowBy));
        Assert.Equal("DiskFull rule", Assert.Single(preview, p => !p.Matches).RoutedNowBy);
    }

    [Fact]
    public async Task Preview_Viewer_Denied() =>
        await Assert.ThrowsAsync<AccessDeniedException>(() => Task.FromResult(_store.AlertRules.Preview(TestActors.Viewer, Draft("DiskFull"))));

    [Fact]
    public async Task Create_OnCall_DeniedAndNoRule()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.AlertRules.CreateAsync(TestActors.Omar, Draft("DiskFull")));

        Assert.Empty(_store.AlertRules.List());
    }

    [Fact]
    public async Task Receive_RuleStartsRunAutomatically_RunStartedForTheNewIncident()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        await _store.AlertRules.CreateAsync(TestActors.Admin, Draft("Failover drill", autoRun: true));

        var result = await SendAsync("Failover drill", "prod");

        var run = Assert.Single(_store.Runs.List(TestRunbooks.DrillSlug));
        Assert.Equal(Assert.Single(result.OpenedIncidents), run.IncidentId);
    }
}
