using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

public sealed class IncidentSeverityTests : IDisposable
{
    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Fact]
    public async Task SetSeverity_WithReason_ChangesItAndPutsTheReasonOnTheTimeline()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev2);
        _scene.Advance(IncidentScene.Step);

        await _scene.Incidents.SetSeverityAsync(IncidentScene.Owner, incident.Id, IncidentSeverity.Sev1, "  second locality affected ");

        Assert.Equal(IncidentSeverity.Sev1, _scene.Reload(incident.Id).Severity);
        var entry = _scene.Incidents.Timeline(incident.Id)[^1];
        Assert.Equal((TimelineKinds.Severity, "SEV-2 → SEV-1", "second locality affected", "Ines Incident-owner"), (entry.Kind, entry.Text, entry.Detail, entry.Actor));
        Assert.Contains("second locality affected", _scene.Ledger[^1].Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task SetSeverity_BlankReason_RefusedAndNothingChanges(string reason)
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev2);
        var ledgerBefore = _scene.Ledger.Count;

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.SetSeverityAsync(IncidentScene.Owner, incident.Id, IncidentSeverity.Sev1, reason));

        Assert.Contains("reason", refused.Message, StringComparison.Ordinal);
        Assert.Equal(IncidentSeverity.Sev2, _scene.Reload(incident.Id).Severity);
        Assert.Equal(ledgerBefore, _scene.Ledger.Count);
    }

    [Fact]
    public async Task SetSeverity_SameSeverity_Refused()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev3);

        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.SetSeverityAsync(IncidentScene.Owner, incident.Id, IncidentSeverity.Sev3, "no change"));
    }

    [Fact]
    public async Task SetSeverity_UndefinedSeverity_RefusedAndNothingChanges()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev2);

        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.SetSeverityAsync(IncidentScene.Owner, incident.Id, (IncidentSeverity)4, "made up"));

        Assert.Equal(IncidentSeverity.Sev2, _scene.Reload(incident.Id).Severity);
    }

    [Fact]
    public async Task SetClass_UndefinedClass_RefusedAndNothingChanges()
    {
        var incident = await _scene.OpenAsync(IncidentClass.SourceOutage);

        await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.SetClassAsync(IncidentScene.Owner, incident.Id, (IncidentClass)12));

        Assert.Equal(IncidentClass.SourceOutage, _scene.Reload(incident.Id).Class);
        Assert.Single(_scene.Incidents.Timeline(incident.Id));
    }

    [Fact]
    public async Task TickObligation_OfItsOwnSeverity_IsKeptAndOnTheTimeline()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev1);
        _scene.Advance(IncidentScene.Step);

        await _scene.Incidents.TickObligationAsync(TestActors.Omar, incident.Id, "sev1-contain");

        Assert.Equal(["sev1-contain"], _scene.Reload(incident.Id).TickedObligations);
        var entry = _scene.Incidents.Timeline(incident.Id)[^1];
        Assert.Equal((TimelineKinds.Obligation, "Done: Contain immediately"), (entry.Kind, entry.Text));
    }

    [Fact]
    public async Task TickObligation_OfAnotherSeverity_RefusedNamingTheSeverity()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev2);
        var ledgerBefore = _scene.Ledger.Count;

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _scene.Incidents.TickObligationAsync(TestActors.Omar, incident.Id, "sev1-contain"));

        Assert.Contains("SEV-2", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_scene.Reload(incident.Id).TickedObligations);
        Assert.Equal(ledgerBefore, _scene.Ledger.Count);
    }

    [Fact]
    public async Task TickObligation_Twice_SecondIsConflictAndKeepsOneTick()
    {
        var incident = await _scene.OpenAsync(severity: IncidentSeverity.Sev3);
        await _scene.Incidents.TickObligationAsync(TestActors.Omar, incident.Id, "sev3-record");

        await Assert.ThrowsAsync<ConflictException>(() => _scene.Incidents.TickObligationAsync(TestActors.Olga, incident.Id, "sev3-record"));

        Assert.Equal(["sev3-record"], _scene.Reload(incident.Id).TickedObligations);
    }
}
