using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.HealthChecks;

public sealed class CheckAlertingTests : IDisposable
{
    private readonly TestStore _store = new();
    private readonly CheckTarget _target;

    public CheckAlertingTests() => _target = new CheckTarget(_store);

    public void Dispose()
    {
        _target.Dispose();
        _store.Dispose();
    }

    private IReadOnlyList<IncomingAlert> Sent => _store.SentAlerts.From(CheckAlerting.Source);

    [Fact]
    public async Task Run_FewerFailuresThanTheLimit_RaisesNothing()
    {
        var check = await FailingCheckAsync(failuresToAlert: 3);

        await RunAsync(check, times: 2);

        Assert.Empty(Sent);
        Assert.Equal(2, _store.HealthChecks.Get(check.Id).State.ConsecutiveFailures);
    }

    [Fact]
    public async Task Run_FailuresReachTheLimitAndGoOn_RaisesOneAlert()
    {
        var check = await FailingCheckAsync(failuresToAlert: 3);

        await RunAsync(check, times: 5);

        var alert = Assert.Single(Sent);
        Assert.Equal(IncomingAlert.Firing, alert.Status);
        Assert.Equal(("HealthCheckFailed", "Survival rate", "ai-operators", "SEV-2"),
            (alert.AlertName, alert.Labels["check"], alert.Labels["owner"], alert.Labels["severity"]));
        Assert.Contains("failed 3 times in a row: status 503, expected 200", alert.Annotations["summary"], StringComparison.Ordinal);
        Assert.True(_store.HealthChecks.Get(check.Id).State.AlertFiring);
    }

    [Fact]
    public async Task Run_PassesAfterAlerting_ResolvesOnceWithTheSameFingerprintAndStart()
    {
        var check = await FailingCheckAsync(failuresToAlert: 2);
        await RunAsync(check, times: 2);
        _target.Status = 200;

        await RunAsync(check, times: 3);

        Assert.Equal([IncomingAlert.Firing, IncomingAlert.Resolved], Sent.Select(a => a.Status));
        Assert.Equal(Sent[0].Fingerprint, Sent[1].Fingerprint);
        Assert.Equal(Sent[0].StartsAt, Sent[1].StartsAt);
        Assert.NotNull(Sent[1].EndsAt);
        Assert.False(_store.HealthChecks.Get(check.Id).State.AlertFiring);
    }

    [Fact]
    public async Task Run_FailsAgainAfterRecovery_RaisesANewEpisode()
    {
        var check = await FailingCheckAsync(failuresToAlert: 1);
        await RunAsync(check, times: 1);
        _target.Status = 200;
        await RunAsync(check, times: 1);
        _target.Status = 503;

        await RunAsync(check, times: 1);

        Assert.Equal([IncomingAlert.Firing, IncomingAlert.Resolved, IncomingAlert.Firing], Sent.Select(a => a.Status));
        Assert.NotEqual(Sent[0].StartsAt, Sent[2].StartsAt);
    }

    [Fact]
    public async Task Run_IntakeRefusedTheAlert_SendsItAgainOnTheNextRun()
    {
        var check = await FailingCheckAsync(failuresToAlert: 1);
        _store.SentAlerts.Refuse = true;
        await RunAsync(check, times: 1);
        _store.SentAlerts.Refuse = false;

        await RunAsync(check, times: 1);

        Assert.Single(Sent);
        Assert.True(_store.HealthChecks.Get(check.Id).State.AlertFiring);
    }

    [Fact]
    public async Task Delete_WhileAlerting_ResolvesTheAlert()
    {
        var check = await FailingCheckAsync(failuresToAlert: 1);
        await RunAsync(check, times: 1);

        await _store.HealthChecks.DeleteAsync(TestActors.Admin, check.Id);

        Assert.Equal([IncomingAlert.Firing, IncomingAlert.Resolved], Sent.Select(a => a.Status));
    }

    [Fact]
    public async Task Run_RaisesAndResolves_LedgersEachTransitionOnce()
    {
        var check = await FailingCheckAsync(failuresToAlert: 1);
        await RunAsync(check, times: 3);
        _target.Status = 200;
        await RunAsync(check, times: 2);

        Assert.Equal([HealthCheckActions.Create, HealthCheckActions.AlertRaised, HealthCheckActions.AlertResolved],
            _store.Ledger.Where(e => e.Subject == $"health-check:{check.Id}").Select(e => e.Action));
    }

    private async Task<ScheduledCheck> FailingCheckAsync(int failuresToAlert)
    {
        _target.Status = 503;
        return await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition(failuresToAlert: failuresToAlert));
    }

    private async Task RunAsync(ScheduledCheck check, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await _store.CheckRunner.RunAsync(check.Id);
        }
    }
}
