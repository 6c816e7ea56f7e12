using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.ConsoleAlerts;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Storage.Tests.Rollback;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;
using OperatorConsole.Storage.Tests.Tamper;

namespace OperatorConsole.Storage.Tests.ConsoleAlerts;

public sealed class ConsoleAlertWatcherTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Evaluate_KillSwitchActivated_SendsOneFiringAlert()
    {
        await _store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("ai-kill-switch", null, "AI lane off", false));
        await _store.KillSwitches.FlipAsync(TestActors.Omar, "ai-kill-switch", null, true, "malformed AI output spike");

        await _store.ConsoleAlerts.EvaluateAsync(verifyLedger: true);
        await _store.ConsoleAlerts.EvaluateAsync(verifyLedger: true);

        var alert = Assert.Single(_store.SentAlerts.From(ConsoleAlertWatcher.Source));
        Assert.Equal((IncomingAlert.Firing, ConsoleAlertConditions.KillSwitchActivation, "ai-kill-switch", "global"),
            (alert.Status, alert.AlertName, alert.Labels["switch"], alert.Labels["scope"]));
        Assert.Contains("malformed AI output spike", alert.Annotations["summary"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_KillSwitchDeactivated_ResolvesItsAlertOnce()
    {
        await _store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("ai-kill-switch", null, "AI lane off", false));
        await _store.KillSwitches.FlipAsync(TestActors.Omar, "ai-kill-switch", null, true, "spike");
        await _store.ConsoleAlerts.EvaluateAsync(verifyLedger: false);
        await _store.KillSwitches.FlipAsync(TestActors.Omar, "ai-kill-switch", null, false, "contained");

        await _store.ConsoleAlerts.EvaluateAsync(verifyLedger: false);
        await _store.ConsoleAlerts.EvaluateAsync(verifyLedger: false);

        var sent = _store.SentAlerts.From(ConsoleAlertWatcher.Source);
        Assert.Equal([IncomingAlert.Firing, IncomingAlert.Resolved], sent.Select(a => a.Status));
        Assert.Equal((sent[0].Fingerprint, sent[0].StartsAt), (sent[1].Fingerprint, sent[1].StartsAt));
    }

    [Fact]
    public async Task Evaluate_SwitchOnByDefault_SendsNothing()
    {
        await _store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("safe-mode", null, "on unless released", true));

        await _store.ConsoleAlerts.EvaluateAsync(verifyLedger: true);

        Assert.Empty(_store.SentAlerts.Received);
    }

    [Fact]
    public async Task Evaluate_RollbackPastItsSafeStateObjective_SendsRollbackTimerBreached()
    {
        using var scene = await RollbackScene.CreateAsync();
        var run = await scene.Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);
        await scene.Store.ConsoleAlerts.EvaluateAsync(verifyLedger: false);
        var before = scene.Store.SentAlerts.Received.Count;
        scene.Clock.Now += TimeSpan.FromMinutes(16);

        await scene.Store.ConsoleAlerts.EvaluateAsync(verifyLedger: false);

        var alert = Assert.Single(scene.Store.SentAlerts.From(ConsoleAlertWatcher.Source));
        Assert.Equal(0, before);
        Assert.Equal((ConsoleAlertConditions.RollbackTimerBreached, run.Id, "safe-active-state", "porto"),
            (alert.AlertName, alert.Labels["rollback"], alert.Labels["timer"], alert.Labels["scope"]));
        Assert.Equal(RollbackScene.T0 + TimeSpan.FromMinutes(15), alert.StartsAt);
    }

#if !POSTGRESQL // LiteDB file specific: edits the file
    [Fact]
    public async Task Evaluate_LedgerEntryEditedInTheFile_SendsLedgerVerificationFailed()
    {
        using var scene = await TamperScene.CreateAsync();
        scene.EditFile(db =>
        {
            var entry = TamperScene.Ledger(db).FindById(3);
            entry["actor"] = "mallory";
            TamperScene.Ledger(db).Update(entry);
        });

        await scene.Store.ConsoleAlerts.EvaluateAsync(verifyLedger: true);

        var alert = Assert.Single(scene.Store.SentAlerts.From(ConsoleAlertWatcher.Source));
        Assert.Equal((IncomingAlert.Firing, ConsoleAlertConditions.LedgerVerificationFailed, "SEV-1"),
            (alert.Status, alert.AlertName, alert.Labels["severity"]));
        Assert.Contains("fails verification", alert.Annotations["summary"], StringComparison.Ordinal);
    }
#endif
}
