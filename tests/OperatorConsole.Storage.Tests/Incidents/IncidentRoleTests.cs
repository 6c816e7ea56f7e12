using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>
/// Roles are enforced in Core, not only in the UI. Each action runs against an incident the owner
/// has put in a state where the action is valid, so only the role decides the outcome.
/// </summary>
public sealed class IncidentRoleTests : IDisposable
{
    private readonly IncidentScene _scene = new();

    public void Dispose() => _scene.Dispose();

    private static readonly string[] OnCallActions = ["open", "acknowledge", "contain", "note", "evidence", "tick", "pin"];

    private static readonly string[] OwnerOnlyActions =
        ["diagnose", "mitigate", "resolve", "close", "reopen", "severity", "class", "decision", "confirm-closure"];

    public static TheoryData<string> OnCallMay => new(OnCallActions);

    public static TheoryData<string> OnCallMayNot => new(OwnerOnlyActions);

    public static TheoryData<string> Everything => new([.. OnCallActions, .. OwnerOnlyActions]);

    [Theory]
    [MemberData(nameof(OnCallMay))]
    public async Task Act_OnCallAllowedAction_SucceedsAndIsAllowedInLedger(string action)
    {
        var id = await PrepareAsync(action);

        await ActAsync(TestActors.Omar, action, id);

        var head = _scene.Store.Audit.Head()!;
        Assert.Equal((TestActors.Omar.Id, LedgerOutcome.Allowed), (head.Actor, head.Outcome));
    }

    [Theory]
    [MemberData(nameof(OnCallMayNot))]
    public async Task Act_OnCallOwnerOnlyAction_DeniedLoggedAndNothingChanges(string action)
    {
        await AssertDeniedAsync(TestActors.Omar, action);
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public async Task Act_Viewer_DeniedLoggedAndNothingChanges(string action)
    {
        await AssertDeniedAsync(TestActors.Viewer, action);
    }

    [Theory]
    [MemberData(nameof(Everything))]
    public async Task Act_IncidentOwner_SucceedsAndIsAllowedInLedger(string action)
    {
        var id = await PrepareAsync(action);

        await ActAsync(IncidentScene.Owner, action, id);

        var head = _scene.Store.Audit.Head()!;
        Assert.Equal((IncidentScene.Owner.Id, ActionName(action), LedgerOutcome.Allowed), (head.Actor, head.Action, head.Outcome));
    }

    [Fact]
    public async Task Act_Admin_CannotMoveAnIncidentWithoutAnIncidentRole()
    {
        var incident = await _scene.OpenAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => _scene.Incidents.MoveAsync(TestActors.Admin, incident.Id, IncidentStatus.Acknowledged));

        Assert.Equal(IncidentStatus.Detected, _scene.Reload(incident.Id).Status);
    }

    private async Task AssertDeniedAsync(Actor actor, string action)
    {
        var id = await PrepareAsync(action);
        var before = Snapshot(id);
        var ledgerBefore = _scene.Ledger.Count;

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => ActAsync(actor, action, id));

        Assert.Matches("^Only [a-z ,-]+ can [^.]+\\.$", denied.Message);
        Assert.Equal(ledgerBefore + 1, _scene.Ledger.Count);
        var head = _scene.Ledger[^1];
        var subject = action == "open" ? "incident:new" : $"incident:{id}";
        Assert.Equal((actor.Id, ActionName(action), subject, LedgerOutcome.Denied), (head.Actor, head.Action, head.Subject, head.Outcome));
        Assert.Equal(before, Snapshot(id));
    }

    /// <summary>An incident in which <paramref name="action"/> is valid; returns its id.</summary>
    private async Task<string> PrepareAsync(string action)
    {
        var status = action switch
        {
            "close" or "reopen" => IncidentStatus.Resolved,
            "contain" or "diagnose" or "mitigate" or "resolve" => IncidentStatus.Acknowledged,
            _ => IncidentStatus.Detected,
        };
        var incident = action == "close" ? await _scene.ClosableAsync() : await _scene.OpenAtAsync(status);
        if (action == "pin")
        {
            await _scene.Incidents.AddNoteAsync(IncidentScene.Owner, incident.Id, "worth pinning");
        }

        return incident.Id;
    }

    private Task ActAsync(Actor actor, string action, string id)
    {
        var incidents = _scene.Incidents;
        return action switch
        {
            "open" => incidents.OpenAsync(actor, IncidentScene.Request()),
            "acknowledge" => incidents.MoveAsync(actor, id, IncidentStatus.Acknowledged),
            "contain" => incidents.MoveAsync(actor, id, IncidentStatus.Contained),
            "diagnose" => incidents.MoveAsync(actor, id, IncidentStatus.Diagnosed),
            "mitigate" => incidents.MoveAsync(actor, id, IncidentStatus.Mitigated),
            "resolve" => incidents.MoveAsync(actor, id, IncidentStatus.Resolved),
            "close" => incidents.MoveAsync(actor, id, IncidentStatus.Closed),
            "reopen" => incidents.ReopenAsync(actor, id, "recurred"),
            "note" => incidents.AddNoteAsync(actor, id, "pack checksum differs from manifest"),
            "evidence" => incidents.RecordEvidenceAsync(actor, id, IncidentScene.CompleteDraft()),
            "tick" => incidents.TickObligationAsync(actor, id, "sev2-halt"),
            "pin" => incidents.SetPinnedAsync(actor, id, incidents.Timeline(id)[^1].Id, pinned: true),
            "severity" => incidents.SetSeverityAsync(actor, id, IncidentSeverity.Sev1, "two localities affected"),
            "class" => incidents.SetClassAsync(actor, id, IncidentClass.PublishFailure),
            "decision" => incidents.RecordDecisionAsync(actor, id, "Roll back nl-ams", "Repair needs a verifier change"),
            "confirm-closure" => incidents.ConfirmClosureConditionAsync(actor, id),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private static string ActionName(string action) => action switch
    {
        "open" => "incident.open",
        "acknowledge" or "contain" or "diagnose" or "mitigate" or "resolve" or "close" => "incident.move",
        "reopen" => "incident.reopen",
        "note" => "incident.note",
        "evidence" => "incident.evidence",
        "tick" => "incident.tick-obligation",
        "pin" => "incident.pin",
        "severity" => "incident.set-severity",
        "class" => "incident.set-class",
        "decision" => "incident.decision",
        "confirm-closure" => "incident.confirm-closure",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Everything an action could change, as plain values.</summary>
    private string Snapshot(string id)
    {
        var i = _scene.Reload(id);
        return string.Join(
            "|",
            _scene.Incidents.List().Count,
            i.Status,
            i.Severity,
            i.Class,
            i.Owner,
            i.ClosureConfirmedAt,
            string.Join(",", i.TickedObligations),
            _scene.Incidents.Evidence(id).Count,
            string.Join(",", _scene.Incidents.Timeline(id).Select(e => $"{e.Kind}:{e.Pinned}")));
    }
}
