using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Rollback;

public sealed class RollbackServiceTests : IAsyncLifetime
{
    private RollbackScene _scene = null!;

    public async Task InitializeAsync() => _scene = await RollbackScene.CreateAsync();

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    private RollbackService Rollbacks => _scene.Rollbacks;

    [Fact]
    public async Task Start_FromScope_TargetsLastKnownGoodAndFillsStepOne()
    {
        var run = await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);

        Assert.Equal((ScopeScene.V2, ScopeScene.V1), (run.FromManifestId, run.TargetManifestId));
        Assert.Equal(RollbackScene.T0, run.BadPublishConfirmedAt);
        Assert.True(run.Step(RollbackSteps.Identify).IsDone);
        Assert.Equal(RollbackSteps.ConfirmTargets, run.Current!.Number);
        Assert.Equal(6, run.Steps.Count);
    }

    [Fact]
    public async Task Walk_AllSteps_RebindsToLastKnownGoodAndRecordsEvidencePerStep()
    {
        var run = await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);

        var done = await _scene.WalkAsync(run, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));

        Assert.Equal(RollbackStatus.Completed, done.Status);
        Assert.All(done.Steps, s => Assert.True(s.IsDone, $"step {s.Number}"));
        Assert.Equal(ScopeScene.V1, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
        var targets = done.Step(RollbackSteps.ConfirmTargets);
        Assert.Equal((ScopeScene.V2, ScopeScene.V1), (targets.Active!.Id, targets.LastKnownGood!.Id));
        Assert.True(Assert.Single(targets.Probes).Passed);
        var rebind = done.Step(RollbackSteps.Rebind);
        Assert.Equal("scope.rebind", _scene.Store.Ledger.Single(e => e.Sequence == rebind.LedgerSequence).Action);
        Assert.True(done.Step(RollbackSteps.Checksums).Checksums!.AllMatch);
        Assert.Equal(2, done.Step(RollbackSteps.Probe).Probes.Count);
        Assert.Contains(done.Step(RollbackSteps.Record).Evidence, e => e.StartsWith("Safe active state", StringComparison.Ordinal));
        Assert.Equal(done.Id, _scene.Store.Scopes.Get(ScopeScene.ScopeId)!.History[^1].RollbackId);
    }

    [Fact]
    public async Task Walk_WithinLimits_OutcomeMet()
    {
        var run = await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);

        var done = await _scene.WalkAsync(run, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        var outcome = done.Outcome!;
        Assert.True(outcome.Passed);
        Assert.Equal((TimerStatus.Met, TimeSpan.FromMinutes(14)), (outcome.SafeState.Status, outcome.SafeState.Elapsed));
        Assert.Equal((TimerStatus.Met, TimeSpan.FromMinutes(29)), (outcome.Integrity.Status, outcome.Integrity.Elapsed));
    }

    [Fact]
    public async Task Walk_RebindAfter17Minutes_SafeStateMissedByTwoMinutes()
    {
        var run = await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);

        var done = await _scene.WalkAsync(run, TimeSpan.FromMinutes(17), TimeSpan.FromMinutes(1));

        var outcome = done.Outcome!;
        Assert.False(outcome.Passed);
        Assert.Equal((TimerStatus.Missed, TimeSpan.FromMinutes(2)), (outcome.SafeState.Status, outcome.SafeState.MissedBy));
        Assert.Equal(TimerStatus.Met, outcome.Integrity.Status);
        Assert.Contains("missed by 2:00", outcome.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timers_BadPublishConfirmedEarlier_CountFromThatTime()
    {
        var run = await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, badPublishConfirmedAt: RollbackScene.T0.AddMinutes(-12.5));

        var view = Rollbacks.View(run);

        Assert.Equal((TimerStatus.Amber, TimeSpan.FromMinutes(2.5)), (view.SafeState.Status, view.SafeState.Remaining));
        Assert.Equal(TimerStatus.Running, view.Integrity.Status);
    }

    [Fact]
    public async Task Start_BadPublishConfirmedInTheFuture_Refused()
    {
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, badPublishConfirmedAt: RollbackScene.T0.AddMinutes(1)));

        Assert.Empty(Rollbacks.List());
    }

    [Fact]
    public async Task Steps_OutOfOrder_RefusedAndNothingChanges()
    {
        var run = await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);

        var ex = await Assert.ThrowsAsync<ConflictException>(() => Rollbacks.VerifyChecksumsAsync(TestActors.Omar, run.Id));

        Assert.Contains("Step 2 comes first", ex.Message, StringComparison.Ordinal);
        Assert.Equal([true, false, false, false, false, false], Rollbacks.Get(run.Id)!.Steps.Select(s => s.IsDone));
    }

    [Fact]
    public async Task ConfirmRebind_ForeignToken_RefusedAndScopeStaysBad()
    {
        var run = await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);
        await Rollbacks.ConfirmTargetsAsync(TestActors.Omar, run.Id);
        var request = await Rollbacks.RequestRebindAsync(TestActors.Omar, run.Id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Rollbacks.ConfirmRebindAsync(TestActors.Olga, run.Id, request.Token));

        Assert.Equal(ScopeScene.V2, _scene.Store.Scopes.Active(ScopeScene.ScopeId).Active.Id);
        Assert.False(Rollbacks.Get(run.Id)!.Step(RollbackSteps.Rebind).IsDone);
    }

    [Fact]
    public async Task Start_SecondWhileRunning_Conflict()
    {
        await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId);

        await Assert.ThrowsAsync<ConflictException>(() => Rollbacks.StartAsync(TestActors.Olga, ScopeScene.ScopeId));
    }

    [Fact]
    public async Task Start_UnknownScopeOrIncident_NotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Rollbacks.StartAsync(TestActors.Omar, "lisbon"));
        await Assert.ThrowsAsync<NotFoundException>(() => Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, "INC-9999"));
        Assert.Empty(Rollbacks.List());
    }

    [Fact]
    public async Task Start_Viewer_Denied()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Rollbacks.StartAsync(TestActors.Viewer, ScopeScene.ScopeId));
    }

    [Fact]
    public async Task Drill_ScopeNotADrillTarget_Refused()
    {
        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, drill: true));

        Assert.Contains("not a drill target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Walk_FromIncident_EveryStepOnTheTimeline()
    {
        var incident = await _scene.Store.Incidents.OpenAsync(TestActors.Omar, new("Bad Porto publish", IncidentClass.BadPublish, IncidentSeverity.Sev1, [], null));
        var run = await Rollbacks.StartAsync(TestActors.Omar, ScopeScene.ScopeId, incident.Id);

        await _scene.WalkAsync(run, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        var texts = _scene.Store.Incidents.Timeline(incident.Id).Where(e => e.Kind == TimelineKinds.Rollback).Select(e => e.Text).ToList();
        Assert.Equal(6, texts.Count);
        Assert.Contains(texts, t => t.StartsWith("Rollback step 6: Objective met", StringComparison.Ordinal));
        Assert.Contains($"Incident {incident.Id}: Bad Porto publish", run.Step(RollbackSteps.Identify).Evidence);
    }
}
