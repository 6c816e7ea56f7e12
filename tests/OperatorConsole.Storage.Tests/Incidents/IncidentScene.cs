using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>
/// A real store on a hand-moved clock, with the few steps most incident tests start from.
/// Setup steps act as the incident owner, so only the step under test decides who acts.
/// </summary>
public sealed class IncidentScene : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>How far setup steps move the clock, so no two timeline entries share an instant.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    public IncidentScene()
    {
        Store = new TestStore(Clock);
    }

    public ManualClock Clock { get; } = new(Start);

    public TestStore Store { get; }

    public IncidentService Incidents => Store.Incidents;

    public IReadOnlyList<LedgerEntry> Ledger => Store.Ledger;

    public static Actor Owner => TestActors.Ines;

    public static OpenIncident Request(IncidentClass incidentClass = IncidentClass.BadPublish, IncidentSeverity severity = IncidentSeverity.Sev2) =>
        new("Bad pack live in nl-ams", incidentClass, severity, ["nl-ams", " be-bru "], "alert: bad-pack kill switch");

    public void Advance(TimeSpan by) => Clock.Now += by;

    public Task<Incident> OpenAsync(IncidentClass incidentClass = IncidentClass.BadPublish, IncidentSeverity severity = IncidentSeverity.Sev2) =>
        Incidents.OpenAsync(TestActors.Omar, Request(incidentClass, severity));

    /// <summary>Opens an incident and moves it, as the owner, straight to <paramref name="status"/>.</summary>
    public async Task<Incident> OpenAtAsync(IncidentStatus status)
    {
        var incident = await OpenAsync();
        if (status == IncidentStatus.Detected)
        {
            return incident;
        }

        Advance(Step);
        return await Incidents.MoveAsync(Owner, incident.Id, status);
    }

    /// <summary>Resolved, with a complete evidence record and the owner's confirmation: ready to close.</summary>
    public async Task<Incident> ClosableAsync()
    {
        var incident = await OpenAtAsync(IncidentStatus.Resolved);
        Advance(Step);
        await Incidents.RecordEvidenceAsync(Owner, incident.Id, CompleteDraft());
        Advance(Step);
        return await Incidents.ConfirmClosureConditionAsync(Owner, incident.Id);
    }

    public Incident Reload(string id) => Incidents.Get(id) ?? throw new InvalidOperationException($"{id} is gone.");

    public static EvidenceDraft CompleteDraft() => new()
    {
        Timestamp = Start,
        Scope = "nl-ams",
        TriggerSource = "alert: bad-pack kill switch",
        FailureMode = "Promoted pack sorts glass as paper",
        ContainmentAction = "Kill switch bad-pack enabled for nl-ams",
        RollbackOrKillSwitchAction = "Rebound nl-ams to last known good",
        VerificationResult = "Live fetch returns the last known good checksum",
        OperatorOrOwner = "Ines Incident-owner",
        FollowUp = "Add a glass/paper fixture to the verifier",
    };

    public void Dispose() => Store.Dispose();
}
