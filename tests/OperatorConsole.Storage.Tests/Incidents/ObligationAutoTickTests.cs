using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>
/// SEV-1 required responses tick themselves when the console sees them done, in the same write, citing the ledger entry
/// of the thing done; closing a SEV-1 with one open needs a reasoned override, ledgered as its own action.
/// </summary>
public sealed class ObligationAutoTickTests : IDisposable
{
    private readonly IncidentScene _scene = new();

    private IncidentService Incidents => _scene.Incidents;

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task Contain_Sev1_TicksContainWithTheMoveAsProof()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);

        await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Contained);

        var move = _scene.Ledger.Last(e => e.Action == "incident.move");
        AssertTicked(incident.Id, "sev1-contain", move.Sequence, "moved to Contained");
    }

    [Fact]
    public async Task Acknowledge_Sev1_TicksNothing()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);

        var acknowledged = await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        Assert.Empty(acknowledged.TickedObligations);
    }

    [Fact]
    public async Task Contain_Sev2_TicksNothing()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev2);

        await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Contained);

        Assert.Empty(_scene.Reload(incident.Id).TickedObligations);
        Assert.DoesNotContain(_scene.Ledger, e => e.Action == IncidentObligations.AutoTickAction);
    }

    [Fact]
    public async Task PreserveEvidence_Sev1_TicksPreserveWithTheBundleEntryAsProof()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);

        var bundle = await _scene.Store.Evidence.PreserveAsync(TestActors.Omar, incident.Id);

        var preserved = _scene.Ledger.Last(e => e.Action == "incident.preserve-evidence");
        AssertTicked(incident.Id, "sev1-preserve", preserved.Sequence, bundle.IntegrityHash);
    }

    [Fact]
    public async Task FlipOn_SwitchOnTheIncidentsScope_TicksKillOrRollbackWithTheFlipAsProof()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);
        await CreateSwitchAsync("nl-ams", on: false);

        await _scene.Store.KillSwitches.FlipAsync(TestActors.Omar, "bad-pack", "nl-ams", on: true, "stop serving the bad pack");

        var flip = _scene.Ledger.Last(e => e.Action == "kill-switch.flip");
        AssertTicked(incident.Id, "sev1-kill-or-rollback", flip.Sequence, "bad-pack@nl-ams turned on");
    }

    [Fact]
    public async Task FlipOn_GlobalSwitchNamingTheIncident_Ticks()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);
        await CreateSwitchAsync(null, on: false);

        await _scene.Store.KillSwitches.FlipAsync(TestActors.Omar, "bad-pack", null, on: true, "everywhere", incident.Id);

        Assert.Contains("sev1-kill-or-rollback", _scene.Reload(incident.Id).TickedObligations);
    }

    [Fact]
    public async Task FlipOn_SwitchOnAnotherScope_TicksNothing()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);
        await CreateSwitchAsync("de-ber", on: false);

        await _scene.Store.KillSwitches.FlipAsync(TestActors.Omar, "bad-pack", "de-ber", on: true, "unrelated");

        Assert.Empty(_scene.Reload(incident.Id).TickedObligations);
    }

    [Fact]
    public async Task FlipOff_SwitchOnTheIncidentsScope_TicksNothing()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);
        await CreateSwitchAsync("nl-ams", on: true);

        await _scene.Store.KillSwitches.FlipAsync(TestActors.Omar, "bad-pack", "nl-ams", on: false, "resume serving", incident.Id);

        Assert.Empty(_scene.Reload(incident.Id).TickedObligations);
    }

    [Fact]
    public async Task TickByHand_KeepsWhoAndTheTicksOwnEntry()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);

        await Incidents.TickObligationAsync(TestActors.Olga, incident.Id, "sev1-suspend");

        var tick = Assert.Single(_scene.Reload(incident.Id).ObligationTicks);
        Assert.Equal(("sev1-suspend", "Olga On-call", false, IncidentObligations.ByHand, _scene.Ledger[^1].Sequence),
            (tick.Key, tick.By, tick.Automatic, tick.Proof, tick.LedgerSequence));
    }

    [Fact]
    public async Task Close_Sev1WithAnObligationOpen_RefusedAsNeedingConfirmationAndLedgered()
    {
        var incident = await ClosableSev1Async();

        var refused = await Assert.ThrowsAsync<ConfirmationRequiredException>(() => Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed));

        Assert.Contains("“Suspend risky forward change”", refused.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Resolved, _scene.Reload(incident.Id).Status);
        var head = _scene.Ledger[^1];
        Assert.Equal(("incident.move", LedgerOutcome.Denied), (head.Action, head.Outcome));
        Assert.Contains("sev1-suspend", head.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_Sev1WithOverrideReason_ClosesWithTheOverrideLedgeredAndOnTimeline()
    {
        var incident = await ClosableSev1Async();

        var closed = await Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed, obligationOverride: "release freeze was already in force");

        Assert.Equal(IncidentStatus.Closed, closed.Status);
        var overrideEntry = Assert.Single(_scene.Ledger, e => e.Action == IncidentObligations.CloseOverrideAction);
        Assert.Equal(("ines", LedgerOutcome.Allowed), (overrideEntry.Actor, overrideEntry.Outcome));
        Assert.Contains("release freeze was already in force", overrideEntry.Payload, StringComparison.Ordinal);
        Assert.Contains("sev1-suspend", overrideEntry.Payload, StringComparison.Ordinal);
        var closure = Assert.Single(Incidents.Timeline(incident.Id), e => e.Kind == TimelineKinds.Closure && e.Text.StartsWith("Closed with required responses open", StringComparison.Ordinal));
        Assert.Equal("release freeze was already in force", closure.Detail);
    }

    [Fact]
    public async Task Close_Sev1WithOverrideByOnCall_RefusedByRole()
    {
        var incident = await ClosableSev1Async();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Closed, obligationOverride: "trust me"));

        Assert.DoesNotContain(_scene.Ledger, e => e.Action == IncidentObligations.CloseOverrideAction && e.Outcome == LedgerOutcome.Allowed);
    }

    [Fact]
    public async Task Close_Sev1AllTicked_NeedsNoOverride()
    {
        var incident = await ClosableSev1Async();
        await Incidents.TickObligationAsync(IncidentScene.Owner, incident.Id, "sev1-suspend");

        var closed = await Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed);

        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.DoesNotContain(_scene.Ledger, e => e.Action == IncidentObligations.CloseOverrideAction);
    }

    /// <summary>A resolved SEV-1 with evidence and the closure condition confirmed; only "Suspend risky forward change" is open.</summary>
    private async Task<Incident> ClosableSev1Async()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);
        await Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Resolved);
        await _scene.Store.Evidence.PreserveAsync(IncidentScene.Owner, incident.Id);
        await Incidents.TickObligationAsync(IncidentScene.Owner, incident.Id, "sev1-kill-or-rollback");
        await Incidents.RecordEvidenceAsync(IncidentScene.Owner, incident.Id, IncidentScene.CompleteDraft());
        return await Incidents.ConfirmClosureConditionAsync(IncidentScene.Owner, incident.Id);
    }

    private async Task CreateSwitchAsync(string? scope, bool on) =>
        await _scene.Store.KillSwitches.CreateAsync(TestActors.Admin, new KillSwitchDefinition("bad-pack", scope, "Serve the last known good pack", DefaultOn: on));

    private void AssertTicked(string id, string key, long proofSequence, string proofMentions)
    {
        var incident = _scene.Reload(id);
        Assert.Contains(key, incident.TickedObligations);
        var tick = Assert.Single(incident.ObligationTicks, t => t.Key == key);
        Assert.Equal((true, proofSequence, IncidentScene.Start), (tick.Automatic, tick.LedgerSequence, tick.At));
        Assert.Contains(proofMentions, tick.Proof, StringComparison.Ordinal);
        var autoTick = Assert.Single(_scene.Ledger, e => e.Action == IncidentObligations.AutoTickAction);
        Assert.Equal((autoTick.Subject, LedgerOutcome.Allowed), ($"incident:{id}", autoTick.Outcome));
        Assert.True(autoTick.Sequence > proofSequence);
        Assert.Contains($"\"proofSequence\":{proofSequence}", autoTick.Payload, StringComparison.Ordinal);
        var entry = Assert.Single(Incidents.Timeline(id), e => e.Kind == TimelineKinds.Obligation);
        Assert.Contains($"ledger #{proofSequence}", entry.Detail, StringComparison.Ordinal);
    }
}
