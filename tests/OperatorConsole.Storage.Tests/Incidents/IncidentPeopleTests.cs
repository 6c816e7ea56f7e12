using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

/// <summary>Owner, hand-over, commander and responders: each ledgered, on the timeline, and gated inside the write.</summary>
public sealed class IncidentPeopleTests : IAsyncLifetime
{
    private readonly IncidentScene _scene = new();

    private IncidentService Incidents => _scene.Incidents;

    // Hand-over targets must be stored users who may respond; the actors of TestActors become real users here.
    public async Task InitializeAsync()
    {
        foreach (var actor in new[] { TestActors.Omar, TestActors.Olga, TestActors.Ines, TestActors.Viewer })
        {
            await _scene.Store.Users.CreateAsync(TestActors.Admin, actor.Id, actor.DisplayName, "long-enough-password", actor.Roles);
        }
    }

    public Task DisposeAsync()
    {
        _scene.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Acknowledge_NoOwner_AcknowledgerBecomesOwnerLedgeredAndOnTimeline()
    {
        var incident = await _scene.OpenAsync();

        var acknowledged = await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        Assert.Equal(("Omar On-call", "omar"), (acknowledged.Owner, acknowledged.OwnerId));
        Assert.Equal(("Omar On-call", "omar"), (_scene.Reload(incident.Id).Owner, _scene.Reload(incident.Id).OwnerId));
        var move = _scene.Ledger[^1];
        Assert.Equal(("incident.move", LedgerOutcome.Allowed), (move.Action, move.Outcome));
        Assert.Contains("\"owner\":\"omar\"", move.Payload, StringComparison.Ordinal);
        var entry = Incidents.Timeline(incident.Id)[^1];
        Assert.Equal((TimelineKinds.Assignment, "Owner: Omar On-call", "Omar On-call"), (entry.Kind, entry.Text, entry.Actor));
    }

    [Fact]
    public async Task Acknowledge_OwnerAlreadySet_KeepsTheOwner()
    {
        var incident = await _scene.OpenAsync();
        await Incidents.HandOverAsync(IncidentScene.Owner, incident.Id, "olga");

        var acknowledged = await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        Assert.Equal("olga", acknowledged.OwnerId);
        Assert.DoesNotContain(Incidents.Timeline(incident.Id), e => e.Text == "Owner: Omar On-call");
    }

    [Fact]
    public async Task Acknowledge_ByApiKey_AssignsNoOwner()
    {
        var incident = await _scene.OpenAsync();
        var key = (await _scene.Store.ApiKeys.CreateAsync(TestActors.Admin, "pager", Role.OnCall)).Key.ToActor();

        var acknowledged = await Incidents.MoveAsync(key, incident.Id, IncidentStatus.Acknowledged);

        Assert.Null(acknowledged.OwnerId);
    }

    [Fact]
    public async Task HandOver_ByCurrentOwnerWithoutOwnerRole_MovesOwnershipLedgeredAndOnTimeline()
    {
        var incident = await _scene.OpenAsync();
        await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        var handed = await Incidents.HandOverAsync(TestActors.Omar, incident.Id, "olga", "end of my shift");

        Assert.Equal(("Olga On-call", "olga"), (handed.Owner, handed.OwnerId));
        var head = _scene.Ledger[^1];
        Assert.Equal((IncidentRoleActions.HandOver, $"incident:{incident.Id}", LedgerOutcome.Allowed), (head.Action, head.Subject, head.Outcome));
        Assert.Contains("\"from\":\"omar\",\"to\":\"olga\"", head.Payload, StringComparison.Ordinal);
        var entry = Incidents.Timeline(incident.Id)[^1];
        Assert.Equal(("Handed over from Omar On-call to Olga On-call", "end of my shift"), (entry.Text, entry.Detail));
    }

    [Fact]
    public async Task HandOver_UserNameInCapitals_HandsToThatUser()
    {
        var incident = await _scene.OpenAsync();
        await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        var handed = await Incidents.HandOverAsync(TestActors.Omar, incident.Id, " Olga ");

        Assert.Equal(("Olga On-call", "olga"), (handed.Owner, handed.OwnerId));
    }

    [Fact]
    public async Task HandOver_OnCallWhoIsNotTheOwner_RefusedLedgeredAndOwnerUnchanged()
    {
        var incident = await _scene.OpenAsync();
        await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => Incidents.HandOverAsync(TestActors.Olga, incident.Id, "olga"));

        Assert.Contains("Only the incident's owner or an incident owner", denied.Message, StringComparison.Ordinal);
        Assert.Equal("omar", _scene.Reload(incident.Id).OwnerId);
        var head = _scene.Ledger[^1];
        Assert.Equal(("olga", IncidentRoleActions.HandOver, LedgerOutcome.Denied), (head.Actor, head.Action, head.Outcome));
    }

    [Fact]
    public async Task HandOver_IncidentOwnerRoleWhoIsNotTheOwner_MayReassign()
    {
        var incident = await _scene.OpenAsync();
        await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        var handed = await Incidents.HandOverAsync(IncidentScene.Owner, incident.Id, "ines");

        Assert.Equal("ines", handed.OwnerId);
    }

    [Theory]
    [InlineData("vera")]
    [InlineData("nobody")]
    [InlineData(" ")]
    public async Task HandOver_ToSomeoneWhoCannotRespond_Refused400NamingUserIdAndNothingChanges(string userId)
    {
        var incident = await _scene.OpenAsync();
        var ledgerBefore = _scene.Ledger.Count;

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => Incidents.HandOverAsync(IncidentScene.Owner, incident.Id, userId));

        Assert.Equal(["userId"], refused.Errors.Keys);
        Assert.Null(_scene.Reload(incident.Id).OwnerId);
        Assert.Equal(ledgerBefore, _scene.Ledger.Count);
    }

    [Fact]
    public async Task SetCommander_ByIncidentOwner_NamedLedgeredAndOnTimeline()
    {
        var incident = await _scene.OpenAsync();

        var commanded = await Incidents.SetCommanderAsync(IncidentScene.Owner, incident.Id, "olga");

        Assert.Equal(new IncidentPerson("olga", "Olga On-call"), commanded.Commander);
        Assert.Equal(IncidentRoleActions.SetCommander, _scene.Ledger[^1].Action);
        Assert.Equal("Incident commander: Olga On-call", Incidents.Timeline(incident.Id)[^1].Text);
    }

    [Fact]
    public async Task SetCommander_Viewer_RefusedBeforeAnythingElse()
    {
        var incident = await _scene.OpenAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Incidents.SetCommanderAsync(TestActors.Viewer, incident.Id, "olga"));

        Assert.Null(_scene.Reload(incident.Id).Commander);
        Assert.Equal((IncidentRoleActions.SetCommander, LedgerOutcome.Denied), (_scene.Ledger[^1].Action, _scene.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task JoinThenLeave_Responder_ListedThenRemovedEachLedgeredAndOnTimeline()
    {
        var incident = await _scene.OpenAsync();

        var joined = await Incidents.JoinAsync(TestActors.Olga, incident.Id);
        var joinEntry = _scene.Ledger[^1];
        _scene.Advance(IncidentScene.Step);
        var left = await Incidents.LeaveAsync(TestActors.Olga, incident.Id);

        Assert.Equal(new IncidentResponder("olga", "Olga On-call", IncidentScene.Start), Assert.Single(joined.Responders));
        Assert.Empty(left.Responders);
        Assert.Equal((IncidentRoleActions.Join, IncidentRoleActions.Leave), (joinEntry.Action, _scene.Ledger[^1].Action));
        Assert.Equal(
            ["Olga On-call is working on this", "Olga On-call stopped working on this"],
            Incidents.Timeline(incident.Id).Where(e => e.Kind == TimelineKinds.Assignment).Select(e => e.Text));
    }

    [Fact]
    public async Task Join_Twice_ConflictAndListedOnce()
    {
        var incident = await _scene.OpenAsync();
        await Incidents.JoinAsync(TestActors.Olga, incident.Id);

        await Assert.ThrowsAsync<ConflictException>(() => Incidents.JoinAsync(TestActors.Olga, incident.Id));

        Assert.Single(_scene.Reload(incident.Id).Responders);
    }

    [Fact]
    public async Task Join_Viewer_DeniedLoggedAndNotListed()
    {
        var incident = await _scene.OpenAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Incidents.JoinAsync(TestActors.Viewer, incident.Id));

        Assert.Empty(_scene.Reload(incident.Id).Responders);
        Assert.Equal((IncidentRoleActions.Join, LedgerOutcome.Denied), (_scene.Ledger[^1].Action, _scene.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task RoleControls_OnCallNotOwner_MayJoinButNotHandOverWithTheSentence()
    {
        var incident = await _scene.OpenAsync();
        await Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);

        var olga = Incidents.RoleControls(TestActors.Olga, incident.Id);
        var omar = Incidents.RoleControls(TestActors.Omar, incident.Id);

        Assert.Equal((false, "Only the incident's owner or an incident owner can hand an incident over."), (olga.HandOver.Allowed, olga.HandOver.Reason));
        Assert.Equal((true, false), (olga.Join.Allowed, olga.Leave.Allowed));
        Assert.True(omar.HandOver.Allowed);
    }

    [Fact]
    public void AssignablePeople_ListsEnabledRespondersOnly()
    {
        var people = Incidents.AssignablePeople();

        Assert.Equal(["ines", "olga", "omar"], people.Select(p => p.Id).Order(StringComparer.Ordinal));
    }
}
