using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

public sealed class IncidentLifecycleTests : IDisposable
{
    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task Open_TwoIncidents_BothDetectedWithSequentialIds()
    {
        var first = await _scene.OpenAsync();
        var second = await _scene.OpenAsync(IncidentClass.SourceOutage, IncidentSeverity.Sev3);

        Assert.Equal(("INC-0001", "INC-0002"), (first.Id, second.Id));
        Assert.All([_scene.Reload(first.Id), _scene.Reload(second.Id)], i => Assert.Equal(IncidentStatus.Detected, i.Status));
    }

    [Fact]
    public async Task Open_ByOnCall_StoresRequestTrimmedScopesAndOnCallOperator()
    {
        var opened = await _scene.OpenAsync();

        var stored = _scene.Reload(opened.Id);
        Assert.Equal(("Bad pack live in nl-ams", IncidentClass.BadPublish, IncidentSeverity.Sev2), (stored.Title, stored.Class, stored.Severity));
        Assert.Equal(["nl-ams", "be-bru"], stored.Scopes);
        Assert.Equal(("Omar On-call", "Omar On-call", IncidentScene.Start), (stored.OnCallOperator, stored.OpenedBy, stored.OpenedAt));
    }

    [Fact]
    public async Task Move_ForwardAtKnownTimes_StampsTimeToEachReachedStatus()
    {
        var incident = await _scene.OpenAsync();
        _scene.Advance(TimeSpan.FromMinutes(4));
        await _scene.Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);
        _scene.Advance(TimeSpan.FromMinutes(11));
        await _scene.Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Contained);
        _scene.Advance(TimeSpan.FromMinutes(45));
        await _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Resolved);

        var stored = _scene.Reload(incident.Id);
        Assert.Equal(TimeSpan.FromMinutes(4), stored.TimeTo(IncidentStatus.Acknowledged));
        Assert.Equal(TimeSpan.FromMinutes(15), stored.TimeTo(IncidentStatus.Contained));
        Assert.Equal(TimeSpan.FromMinutes(60), stored.TimeTo(IncidentStatus.Resolved));
        Assert.Null(stored.TimeTo(IncidentStatus.Diagnosed));
    }

    [Fact]
    public async Task Move_Forward_RecordsTransitionWithWhoAndReason()
    {
        var incident = await _scene.OpenAsync();

        await _scene.Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged, "  paged at 09:00 ");

        var change = Assert.Single(_scene.Reload(incident.Id).Transitions);
        Assert.Equal(new StatusChange(IncidentStatus.Detected, IncidentStatus.Acknowledged, IncidentScene.Start, "Omar On-call", "paged at 09:00"), change);
        Assert.Equal(("incident.move", LedgerOutcome.Allowed), (_scene.Ledger[^1].Action, _scene.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task Move_ContainedToMitigated_SkippingDiagnosedIsAllowed()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Contained);

        var moved = await _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Mitigated);

        Assert.Equal(IncidentStatus.Mitigated, moved.Status);
        Assert.Equal(IncidentStatus.Mitigated, _scene.Reload(incident.Id).Status);
    }

    [Theory]
    [InlineData(IncidentStatus.Acknowledged)]
    [InlineData(IncidentStatus.Contained)]
    public async Task Move_BackwardOrSameStatus_RefusedWithMessageAndNothingChanges(IncidentStatus to)
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Contained);
        var ledgerBefore = _scene.Ledger.Count;
        var timelineBefore = _scene.Incidents.Timeline(incident.Id).Count;

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, to));

        Assert.Contains("INC-0001 is Contained", refused.Message, StringComparison.Ordinal);
        Assert.Contains("only move forward", refused.Message, StringComparison.Ordinal);
        var stored = _scene.Reload(incident.Id);
        Assert.Equal((IncidentStatus.Contained, 1), (stored.Status, stored.Transitions.Count));
        Assert.Equal(ledgerBefore, _scene.Ledger.Count);
        Assert.Equal(timelineBefore, _scene.Incidents.Timeline(incident.Id).Count);
    }

    [Theory]
    [InlineData(IncidentStatus.Detected)]
    [InlineData(IncidentStatus.Acknowledged)]
    [InlineData(IncidentStatus.Contained)]
    [InlineData(IncidentStatus.Diagnosed)]
    [InlineData(IncidentStatus.Mitigated)]
    public async Task Close_FromAnythingButResolved_RefusedEvenWithEvidenceAndConfirmation(IncidentStatus from)
    {
        var incident = await _scene.OpenAtAsync(from);
        await _scene.Incidents.RecordEvidenceAsync(IncidentScene.Owner, incident.Id, IncidentScene.CompleteDraft());
        await _scene.Incidents.ConfirmClosureConditionAsync(IncidentScene.Owner, incident.Id);
        var ledgerBefore = _scene.Ledger.Count;

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed));

        Assert.Contains("Resolved first", refused.Message, StringComparison.Ordinal);
        Assert.Equal(from, _scene.Reload(incident.Id).Status);
        Assert.Equal(LedgerOutcome.Denied, Assert.Single(_scene.Ledger.Skip(ledgerBefore)).Outcome);
    }

    [Fact]
    public async Task Move_UnknownIncident_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _scene.Incidents.MoveAsync(IncidentScene.Owner, "INC-9999", IncidentStatus.Acknowledged));
    }

    [Fact]
    public async Task Move_ToUndefinedStatus_RefusedAndNothingChanges()
    {
        // The API binds the target status from JSON, where a bare number is a valid enum value.
        var incident = await _scene.OpenAsync();
        var ledgerBefore = _scene.Ledger.Count;

        await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, (IncidentStatus)42));

        Assert.Equal(IncidentStatus.Detected, _scene.Reload(incident.Id).Status);
        Assert.Equal(ledgerBefore, _scene.Ledger.Count);
    }

    [Fact]
    public async Task Open_UndefinedSeverity_RefusedAndNoIncident()
    {
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.OpenAsync(TestActors.Omar, IncidentScene.Request(severity: (IncidentSeverity)7)));

        Assert.Empty(_scene.Incidents.List());
    }

    [Fact]
    public async Task Open_UndefinedClass_RefusedAsValidation()
    {
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.OpenAsync(TestActors.Omar, IncidentScene.Request(incidentClass: (IncidentClass)99)));

        Assert.Empty(_scene.Incidents.List());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Reopen_BlankReason_RefusedAndStaysResolved(string reason)
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Resolved);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Incidents.ReopenAsync(IncidentScene.Owner, incident.Id, reason));

        Assert.Contains("reason", refused.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Resolved, _scene.Reload(incident.Id).Status);
    }

    [Theory]
    [InlineData(IncidentStatus.Detected)]
    [InlineData(IncidentStatus.Mitigated)]
    public async Task Reopen_OpenIncident_RefusedAndUnchanged(IncidentStatus status)
    {
        var incident = await _scene.OpenAtAsync(status);

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => _scene.Incidents.ReopenAsync(IncidentScene.Owner, incident.Id, "flapping"));

        Assert.Contains("still open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(status, _scene.Reload(incident.Id).Status);
    }

    [Fact]
    public async Task Reopen_FromResolved_ReturnsToAcknowledgedWithReasonOnTimeline()
    {
        var incident = await _scene.OpenAtAsync(IncidentStatus.Resolved);
        _scene.Advance(TimeSpan.FromMinutes(30));

        var reopened = await _scene.Incidents.ReopenAsync(IncidentScene.Owner, incident.Id, " stale pack again ");

        Assert.Equal(IncidentStatus.Acknowledged, _scene.Reload(incident.Id).Status);
        Assert.Equal(new StatusChange(IncidentStatus.Resolved, IncidentStatus.Acknowledged, _scene.Clock.Now, "Ines Incident-owner", "stale pack again"), reopened.Transitions[^1]);
        var last = _scene.Incidents.Timeline(incident.Id)[^1];
        Assert.Equal((TimelineKinds.Status, "Reopened from Resolved", "stale pack again"), (last.Kind, last.Text, last.Detail));
    }

    [Fact]
    public async Task Reopen_FromClosed_ReturnsToAcknowledgedAndClearsClosureConfirmation()
    {
        var incident = await _scene.ClosableAsync();
        await _scene.Incidents.MoveAsync(IncidentScene.Owner, incident.Id, IncidentStatus.Closed);

        await _scene.Incidents.ReopenAsync(IncidentScene.Owner, incident.Id, "recurred in be-bru");

        var stored = _scene.Reload(incident.Id);
        Assert.Equal(IncidentStatus.Acknowledged, stored.Status);
        Assert.Equal((null, null), (stored.ClosureConfirmedBy, stored.ClosureConfirmedAt));
        Assert.Contains(_scene.Incidents.ClosureBlockers(incident.Id), b => b.Contains("confirm the closure condition", StringComparison.Ordinal));
    }
}
