using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Storage.Tests.Incidents;

public sealed class IncidentClosureTests : IDisposable
{
    private const string MissingEvidence = "Record at least one complete evidence record.";

    private static readonly string MissingConfirmation =
        $"The owner must confirm the closure condition: “{IncidentCatalog.Info(IncidentClass.BadPublish).ClosureCondition}”";

    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task Close_ResolvedWithoutEvidenceOrConfirmation_RefusedNamingBoth()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Resolved);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed));

        Assert.Contains(MissingEvidence, refused.Message, StringComparison.Ordinal);
        Assert.Contains(MissingConfirmation, refused.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Resolved, _scene.Reload(incident.Id).Status);
    }

    [Fact]
    public async Task Close_Blocked_OnlyTheDeniedEntryIsLedgered()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Resolved);
        var ledgerBefore = _scene.Ledger.Count;
        var timelineBefore = _scene.Incidents.TimelineCount(incident.Id);

        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed));

        var denied = Assert.Single(_scene.Ledger.Skip(ledgerBefore));
        Assert.Equal(("incident.move", LedgerOutcome.Denied, $"incident:{incident.Id}"), (denied.Action, denied.Outcome, denied.Subject));
        Assert.Contains(MissingEvidence, denied.Payload, StringComparison.Ordinal);
        Assert.Equal(timelineBefore, _scene.Incidents.TimelineCount(incident.Id));
    }

    [Fact]
    public async Task ClosureBlockers_ResolvedWithNothing_ListsEvidenceAndConfirmation()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Resolved);

        Assert.Equal([MissingEvidence, MissingConfirmation], _scene.Incidents.ClosureBlockers(incident.Id));
    }

    [Fact]
    public async Task ClosureBlockers_ResolvedWithEvidenceOnly_ListsOnlyConfirmation()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Resolved);
        await _scene.Incidents.RecordEvidenceAsync(IncidentScene.Owner, incident.Id, IncidentScene.CompleteDraft());

        Assert.Equal([MissingConfirmation], _scene.Incidents.ClosureBlockers(incident.Id));
    }

    [Fact]
    public async Task ClosureBlockers_ResolvedWithConfirmationOnly_ListsOnlyEvidence()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Resolved);
        await _scene.Incidents.ConfirmClosureConditionAsync(IncidentScene.Owner, incident.Id);

        Assert.Equal([MissingEvidence], _scene.Incidents.ClosureBlockers(incident.Id));
    }

    [Fact]
    public async Task ClosureBlockers_Mitigated_ListsResolvedFirstThenTheRest()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Mitigated);

        Assert.Equal(["It must be Resolved first (it is Mitigated).", MissingEvidence, MissingConfirmation], _scene.Incidents.ClosureBlockers(incident.Id));
    }

    [Fact]
    public async Task ClosureBlockers_UnknownIncident_ThrowsNotFound()
    {
        await _scene.OpenAsync();

        Assert.Throws<NotFoundException>(() => _scene.Incidents.ClosureBlockers("INC-0404"));
    }

    [Fact]
    public async Task Close_ResolvedWithEvidenceAndConfirmation_Closes()
    {
        var incident = await _scene.ClosableAsync();
        Assert.Empty(_scene.Incidents.ClosureBlockers(incident.Id));
        _scene.Advance(TimeSpan.FromHours(2));

        var closed = await _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed);

        Assert.Equal(IncidentStatus.Closed, closed.Status);
        var stored = _scene.Reload(incident.Id);
        Assert.Equal((IncidentStatus.Closed, false), (stored.Status, stored.IsOpen));
        Assert.Equal(_scene.Clock.Now - IncidentScene.Start, stored.TimeTo(IncidentStatus.Closed));
    }

    [Fact]
    public async Task ConfirmClosure_ByOwner_StampsWhoAndPutsConditionOnTimeline()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Resolved);
        _scene.Advance(TimeSpan.FromMinutes(5));

        await _scene.Incidents.ConfirmClosureConditionAsync(IncidentScene.Owner, incident.Id);

        var stored = _scene.Reload(incident.Id);
        Assert.Equal(("Ines Incident-owner", _scene.Clock.Now), (stored.ClosureConfirmedBy, stored.ClosureConfirmedAt));
        var last = _scene.Incidents.Timeline(incident.Id)[^1];
        Assert.Equal((TimelineKinds.Closure, IncidentCatalog.Info(IncidentClass.BadPublish).ClosureCondition), (last.Kind, last.Detail));
    }

    [Fact]
    public async Task SetClass_AfterConfirmation_ClearsItSoClosingIsBlockedAgain()
    {
        var incident = await _scene.ClosableAsync();

        await _scene.Incidents.SetClassAsync(IncidentScene.Owner, incident.Id, IncidentClass.PublishFailure);

        var blocker = Assert.Single(_scene.Incidents.ClosureBlockers(incident.Id));
        Assert.Contains(IncidentCatalog.Info(IncidentClass.PublishFailure).ClosureCondition, blocker, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed));
    }
}
