using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

public sealed class IncidentTimelineTests : IDisposable
{
    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task Open_NewIncident_TimelineStartsWithTheOpening()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);

        var entry = Assert.Single(_scene.Incidents.Timeline(incident.Id));
        Assert.Equal((TimelineKinds.Status, "Opened as SEV-1 Bad publish", "alert: bad-pack kill switch", "Omar On-call"), (entry.Kind, entry.Text, entry.Detail, entry.Actor));
    }

    [Fact]
    public async Task NotesAndDecisions_AddedOverTime_AreEntriesInTimeOrder()
    {
        var incident = await _scene.OpenAsync();
        _scene.Advance(TimeSpan.FromMinutes(1));
        await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "checksum differs from manifest");
        _scene.Advance(TimeSpan.FromMinutes(1));
        await _scene.Incidents.RecordDecisionAsync(IncidentScene.Owner, incident.Id, "Roll back nl-ams", "Repair needs a verifier change");
        _scene.Advance(TimeSpan.FromMinutes(1));
        await _scene.Incidents.AddNoteAsync(TestActors.Olga, incident.Id, "rollback verified");

        var timeline = _scene.Incidents.Timeline(incident.Id);

        Assert.Equal(
            [
                (TimelineKinds.Status, "Omar On-call", (string?)"alert: bad-pack kill switch", 0),
                (TimelineKinds.Note, "Omar On-call", null, 1),
                (TimelineKinds.Decision, "Ines Incident-owner", "Repair needs a verifier change", 2),
                (TimelineKinds.Note, "Olga On-call", null, 3),
            ],
            timeline.Select(e => (e.Kind, e.Actor, e.Detail, (int)(e.At - IncidentScene.Start).TotalMinutes)));
        Assert.Equal(["Roll back nl-ams", "rollback verified"], timeline.Skip(2).Select(e => e.Text));
    }

    [Fact]
    public async Task RecordDecision_BlankRationale_RefusedAndNotOnTimeline()
    {
        var incident = await _scene.OpenAsync();

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.RecordDecisionAsync(IncidentScene.Owner, incident.Id, "Roll back", " "));

        Assert.Contains("rationale", refused.Message, StringComparison.Ordinal);
        Assert.Single(_scene.Incidents.Timeline(incident.Id));
    }

    [Fact]
    public async Task SetPinned_PinThenUnpin_StoresEachState()
    {
        var incident = await _scene.OpenAsync();
        var note = await _scene.Incidents.AddNoteAsync(TestActors.Omar, incident.Id, "key finding");

        await _scene.Incidents.SetPinnedAsync(TestActors.Omar, incident.Id, note.Id, pinned: true);
        var pinned = _scene.Incidents.Timeline(incident.Id).Single(e => e.Id == note.Id);
        await _scene.Incidents.SetPinnedAsync(TestActors.Omar, incident.Id, note.Id, pinned: false);
        var unpinned = _scene.Incidents.Timeline(incident.Id).Single(e => e.Id == note.Id);

        Assert.Equal((true, false), (pinned.Pinned, unpinned.Pinned));
        Assert.Equal((note.Text, note.At), (unpinned.Text, unpinned.At));
    }

    [Fact]
    public async Task SetPinned_EntryOfAnotherIncident_NotFoundAndEntryStaysUnpinned()
    {
        var first = await _scene.OpenAsync();
        var second = await _scene.OpenAsync();
        var note = await _scene.Incidents.AddNoteAsync(TestActors.Omar, first.Id, "belongs to the first");

        await Assert.ThrowsAsync<NotFoundException>(() => _scene.Incidents.SetPinnedAsync(TestActors.Omar, second.Id, note.Id, pinned: true));

        Assert.False(_scene.Incidents.Timeline(first.Id).Single(e => e.Id == note.Id).Pinned);
        Assert.DoesNotContain(_scene.Incidents.Timeline(second.Id), e => e.Id == note.Id);
    }

    [Fact]
    public async Task RunStartedForIncident_StartAndCheckedSteps_LandOnItsTimeline()
    {
        await _scene.Store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        var incident = await _scene.OpenAsync();
        _scene.Advance(TimeSpan.FromMinutes(1));
        var run = await _scene.Store.Runs.StartAsync(TestActors.Omar, TestRunbooks.DrillSlug, incidentId: incident.Id);
        var manual = run.Steps.Where(s => s.Definition.Probe is null).ToList();
        foreach (var step in manual)
        {
            _scene.Advance(TimeSpan.FromMinutes(1));
            await _scene.Store.Runs.CheckStepAsync(TestActors.Omar, run.Id, step.StepId, "done");
        }

        var runbookEntries = _scene.Incidents.Timeline(incident.Id).Where(e => e.Kind == TimelineKinds.Runbook).ToList();

        Assert.Equal(
            [$"Runbook run started: Failover drill", .. manual.Select(s => $"Step done: {s.Definition.Text}")],
            runbookEntries.Select(e => e.Text));
        Assert.Equal($"run {run.Id}", runbookEntries[0].Detail);
        Assert.All(runbookEntries, e => Assert.Equal("Omar On-call", e.Actor));
        Assert.Equal(2, manual.Count);
    }

    [Fact]
    public async Task AddNote_UnknownIncident_NotFoundAndNothingStored()
    {
        var incident = await _scene.OpenAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => _scene.Incidents.AddNoteAsync(TestActors.Omar, "INC-0404", "lost note"));

        Assert.Equal(0, _scene.Incidents.TimelineCount("INC-0404"));
        Assert.Single(_scene.Incidents.Timeline(incident.Id));
        Assert.DoesNotContain(_scene.Ledger, e => e.Subject == "incident:INC-0404");
    }

    [Fact]
    public async Task RunStarted_ForUnknownIncident_NotFoundAndNoRunStored()
    {
        await _scene.Store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        await _scene.OpenAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => _scene.Store.Runs.StartAsync(TestActors.Omar, TestRunbooks.DrillSlug, incidentId: "INC-0404"));

        Assert.Empty(_scene.Store.Runs.List());
        Assert.DoesNotContain(_scene.Ledger, e => e.Action == "run.start");
    }

    [Fact]
    public async Task RunWithoutIncident_CheckedSteps_TouchNoTimeline()
    {
        await _scene.Store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        var incident = await _scene.OpenAsync();

        var run = await _scene.Store.Runs.StartAsync(TestActors.Omar, TestRunbooks.DrillSlug);
        await _scene.Store.Runs.CheckStepAsync(TestActors.Omar, run.Id, run.Steps[0].StepId);

        Assert.Single(_scene.Incidents.Timeline(incident.Id));
    }
}
