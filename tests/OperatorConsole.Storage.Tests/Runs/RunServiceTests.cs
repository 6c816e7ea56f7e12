using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Runs;

public sealed class RunServiceTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Start_ImportedRunbook_CopiesEveryStepOpen()
    {
        var runbook = await ImportDrillAsync();
        var incident = await _store.Incidents.OpenAsync(TestActors.Omar, new("Drill", IncidentClass.Other, IncidentSeverity.Sev3, [], null));

        var run = await _store.Runs.StartAsync(TestActors.Omar, TestRunbooks.DrillSlug, incidentId: $" {incident.Id} ");

        Assert.Equal(runbook.AllSteps.Select(s => s.Id), run.Steps.Select(s => s.StepId));
        Assert.Equal(runbook.AllSteps, run.Steps.Select(s => s.Definition));
        Assert.All(run.Steps, s => Assert.False(s.IsDone));
        Assert.Equal(("Omar On-call", "INC-0001", 1), (run.StartedBy, run.IncidentId, run.RunbookVersion));
    }

    [Fact]
    public async Task Start_WithASection_CopiesOnlyThatPartAndItsSubsections()
    {
        var markdown = "# Two plays\n\n## Play A\n\n1. a1\n\n### Verification\n\n- [ ] a2\n\n## Play B\n\n1. b1\n"u8.ToArray();
        await _store.Runbooks.ImportAsync(TestActors.Admin, "two-plays.md", markdown);

        var run = await _store.Runs.StartAsync(TestActors.Omar, "two-plays", section: "Play A");

        Assert.Equal(["a1", "a2"], run.Steps.Select(s => s.Definition.Text));
        Assert.Equal("Two plays — Play A", run.RunbookTitle);
    }

    [Fact]
    public async Task Start_WithAnUnknownSection_ThrowsNotFoundAndStoresNoRun()
    {
        await ImportDrillAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => _store.Runs.StartAsync(TestActors.Omar, TestRunbooks.DrillSlug, section: "No such part"));

        Assert.Empty(_store.Runs.List());
    }

    [Fact]
    public async Task Start_UnknownRunbook_ThrowsNotFoundAndStoresNoRun()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _store.Runs.StartAsync(TestActors.Omar, "no-such-runbook"));

        Assert.Empty(_store.Runs.List());
    }

    [Fact]
    public async Task CheckStep_ByOneOperator_RecordsWhoNoteAndOutput()
    {
        var run = await StartDrillAsync();
        var step = run.Steps[0].StepId;

        var updated = await _store.Runs.CheckStepAsync(TestActors.Omar, run.Id, step, "  posted in #ops ", "ok");

        var stored = _store.Runs.Get(run.Id)!.Step(step);
        Assert.Equal(("Omar On-call", "posted in #ops", "ok"), (stored.CheckedBy, stored.Note, stored.Output));
        Assert.Equal(1, updated.DoneCount);
    }

    [Fact]
    public async Task CheckStep_SecondOperatorAfterFirst_ConflictNamesFirstAndKeepsIt()
    {
        var run = await StartDrillAsync();
        var step = run.Steps[0].StepId;
        await _store.Runs.CheckStepAsync(TestActors.Omar, run.Id, step, "mine");

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => _store.Runs.CheckStepAsync(TestActors.Olga, run.Id, step, "no, mine"));

        Assert.Contains("Omar On-call", conflict.Message, StringComparison.Ordinal);
        var stored = _store.Runs.Get(run.Id)!.Step(step);
        Assert.Equal(("Omar On-call", "mine"), (stored.CheckedBy, stored.Note));
    }

    [Fact]
    public async Task CheckStep_TwoOperatorsAtOnce_ExactlyOneWins()
    {
        var run = await StartDrillAsync();
        var step = run.Steps[0].StepId;

        var attempts = new[] { TestActors.Omar, TestActors.Olga }
            .Select(a => Task.Run(() => _store.Runs.CheckStepAsync(a, run.Id, step)))
            .ToArray();
        await Task.WhenAll(attempts).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(1, attempts.Count(t => t.IsCompletedSuccessfully));
        Assert.IsType<ConflictException>(attempts.Single(t => t.IsFaulted).Exception!.InnerException);
    }

    [Fact]
    public async Task CheckStep_NoteTooLong_ThrowsValidationAndChangesNothing()
    {
        var run = await StartDrillAsync();
        var ledgerBefore = _store.Ledger.Count;

        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Runs.CheckStepAsync(TestActors.Omar, run.Id, run.Steps[0].StepId, new string('x', RunService.MaxNoteLength + 1)));

        Assert.False(_store.Runs.Get(run.Id)!.Steps[0].IsDone);
        Assert.Equal(ledgerBefore, _store.Ledger.Count);
    }

    [Fact]
    public async Task CheckStep_UnknownStep_ThrowsNotFound()
    {
        var run = await StartDrillAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => _store.Runs.CheckStepAsync(TestActors.Omar, run.Id, "s99-1"));
    }

    [Fact]
    public async Task Complete_WithOpenSteps_IsRefusedAndRunStaysInProgress()
    {
        var run = await StartDrillAsync();
        await _store.Runs.CheckStepAsync(TestActors.Omar, run.Id, run.Steps[0].StepId);

        await Assert.ThrowsAsync<DomainValidationException>(() => _store.Runs.CompleteAsync(TestActors.Omar, run.Id));

        Assert.Equal(RunStatus.InProgress, _store.Runs.Get(run.Id)!.Status);
    }

    [Fact]
    public async Task Complete_AllStepsDone_MarksRunCompletedByActor()
    {
        var run = await StartAndCheckAllAsync();

        var completed = await _store.Runs.CompleteAsync(TestActors.Olga, run.Id);

        Assert.Equal((RunStatus.Completed, "Olga On-call"), (completed.Status, completed.CompletedBy));
        Assert.Equal(RunStatus.Completed, _store.Runs.Get(run.Id)!.Status);
    }

    [Fact]
    public async Task Complete_AllStepsDone_AppearsInTheLedger()
    {
        var run = await StartAndCheckAllAsync();

        await _store.Runs.CompleteAsync(TestActors.Olga, run.Id);

        var head = _store.Audit.Head()!;
        Assert.Equal(("run.complete", $"run:{run.Id}", "olga", LedgerOutcome.Allowed), (head.Action, head.Subject, head.Actor, head.Outcome));
        Assert.True(_store.Audit.Verify().IsValid);
    }

    [Fact]
    public async Task CheckStep_AfterComplete_ConflictBecauseRunIsReadOnly()
    {
        var run = await StartAndCheckAllAsync();
        await _store.Runs.CompleteAsync(TestActors.Omar, run.Id);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => _store.Runs.CheckStepAsync(TestActors.Olga, run.Id, run.Steps[0].StepId));

        Assert.Contains("read-only", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_Twice_SecondIsConflict()
    {
        var run = await StartAndCheckAllAsync();
        await _store.Runs.CompleteAsync(TestActors.Omar, run.Id);

        await Assert.ThrowsAsync<ConflictException>(() => _store.Runs.CompleteAsync(TestActors.Olga, run.Id));
    }

    [Fact]
    public async Task RunProbe_TargetUnreachable_RecordsFailedResultAndLeavesStepOpen()
    {
        var run = await StartDrillAsync();
        var probeStep = ProbeStepOf(run);

        var result = await _store.Runs.RunProbeAsync(TestActors.Omar, run.Id, probeStep);

        Assert.False(result.Passed);
        Assert.Null(result.StatusCode);
        var stored = _store.Runs.Get(run.Id)!.Step(probeStep);
        Assert.False(stored.IsDone);
        Assert.Equal(result, Assert.Single(stored.ProbeResults));
    }

    [Fact]
    public async Task RunProbe_TargetUnreachable_IsAFailedLedgerEntry()
    {
        var run = await StartDrillAsync();

        await _store.Runs.RunProbeAsync(TestActors.Omar, run.Id, ProbeStepOf(run));

        var head = _store.Audit.Head()!;
        Assert.Equal(("run.probe", LedgerOutcome.Failed), (head.Action, head.Outcome));
    }

    [Fact]
    public async Task RunProbe_TargetAnswersExpectedStatus_PassesAndChecksTheStep()
    {
        var run = await StartDrillAsync();
        var probeStep = ProbeStepOf(run);
        using var target = new LoopbackHttpServer(_ => (200, """{"status":"Healthy"}"""));
        _store.Self.Address = target.Address;

        var result = await _store.Runs.RunProbeAsync(TestActors.Omar, run.Id, probeStep);

        Assert.Equal("GET /health/live HTTP/1.1", await target.FirstRequest);
        Assert.True(result.Passed, result.Summary);
        var stored = _store.Runs.Get(run.Id)!.Step(probeStep);
        Assert.Equal("Omar On-call", stored.CheckedBy);
        Assert.Single(stored.ProbeResults);
    }

    [Fact]
    public async Task RunProbe_TargetIsTheCloudMetadataAddress_RecordedAsRefusedWithoutConnecting()
    {
        var run = await StartDrillAsync();
        var probeStep = ProbeStepOf(run);
        _store.Self.Address = new Uri("http://169.254.169.254/");

        var result = await _store.Runs.RunProbeAsync(TestActors.Omar, run.Id, probeStep);

        Assert.False(result.Passed);
        Assert.Contains("link-local", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunProbe_StepAlreadyChecked_ConflictWithoutCallingTheTarget()
    {
        var run = await StartDrillAsync();
        var probeStep = ProbeStepOf(run);
        await _store.Runs.CheckStepAsync(TestActors.Omar, run.Id, probeStep, "checked by hand");
        using var target = new LoopbackHttpServer(_ => (200, "{}"));
        _store.Self.Address = target.Address;

        await Assert.ThrowsAsync<ConflictException>(() => _store.Runs.RunProbeAsync(TestActors.Olga, run.Id, probeStep));

        Assert.False(target.FirstRequest.IsCompleted);
        Assert.Empty(_store.Runs.Get(run.Id)!.Step(probeStep).ProbeResults);
    }

    [Fact]
    public async Task RunProbe_ManualStep_ThrowsValidation()
    {
        var run = await StartDrillAsync();

        await Assert.ThrowsAsync<DomainValidationException>(() => _store.Runs.RunProbeAsync(TestActors.Omar, run.Id, run.Steps[0].StepId));
    }

    private async Task<Runbook> ImportDrillAsync() =>
        (await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill())).Runbook;

    [Fact]
    public async Task Start_RunbookWithNoSteps_IsRefusedSayingSoAndStoresNoRun()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "notes.md", "# Notes only\n\nSome background, nothing to do.\n"u8.ToArray());

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _store.Runs.StartAsync(TestActors.Omar, "notes-only"));

        Assert.Contains("has no steps to run", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Runs.List());
    }

    [Fact]
    public async Task Complete_StepLessRunWithNothingChecked_IsRefusedAndStaysOpen()
    {
        // Runs started before step-less runbooks were refused are still stored.
        var run = new RunbookRun
        {
            Id = "legacy000001",
            RunbookSlug = "notes-only",
            RunbookVersion = 1,
            RunbookTitle = "Notes only",
            StartedBy = "Omar On-call",
            StartedAt = DateTimeOffset.UnixEpoch,
        };
        await _store.Store.WriteAsync(s => { s.Runs.Upsert(run); return 0; });

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _store.Runs.CompleteAsync(TestActors.Omar, run.Id));

        Assert.Contains("Nothing is checked", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.InProgress, _store.Runs.Get(run.Id)!.Status);
    }

    private async Task<RunbookRun> StartDrillAsync()
    {
        await ImportDrillAsync();
        return await _store.Runs.StartAsync(TestActors.Omar, TestRunbooks.DrillSlug);
    }

    private async Task<RunbookRun> StartAndCheckAllAsync()
    {
        var run = await StartDrillAsync();
        foreach (var step in run.Steps)
        {
            run = await _store.Runs.CheckStepAsync(TestActors.Omar, run.Id, step.StepId);
        }

        return run;
    }

    private static string ProbeStepOf(RunbookRun run) => run.Steps.Single(s => s.Definition.Kind == StepKind.Probe).StepId;
}
