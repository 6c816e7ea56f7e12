using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

public sealed class FollowUpTests : PostIncidentFixture
{
    [Fact]
    public async Task MarkDone_FollowUpOwnerWithoutOwnerRole_DoneWithWhoAndWhen()
    {
        var incident = await OpenAsync();
        var record = await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, Complete(Item("Add alert", "Omar On-call", Day(3, 20))));
        Clock.Now = Start.AddDays(2);

        await Store.PostIncidents.SetFollowUpDoneAsync(TestActors.Omar, incident.Id, record.FollowUps[0].Id);

        var done = Store.PostIncidents.Get(incident.Id)!.FollowUps[0];
        Assert.Equal((true, "Omar On-call", (DateTimeOffset?)Start.AddDays(2)), (done.Done, done.DoneBy, done.DoneAt));
        Assert.Equal(("incident.follow-up.done", LedgerOutcome.Allowed), (Store.Ledger[^1].Action, Store.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task MarkDone_OnCallWhoIsNotTheOwner_DeniedOnLedger()
    {
        var incident = await OpenAsync();
        var record = await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, Complete(Item("Add alert", "Ines Incident-owner", Day(3, 20))));

        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.PostIncidents.SetFollowUpDoneAsync(TestActors.Olga, incident.Id, record.FollowUps[0].Id));

        Assert.False(Store.PostIncidents.Get(incident.Id)!.FollowUps[0].Done);
        Assert.Equal(("incident.follow-up.done", LedgerOutcome.Denied), (Store.Ledger[^1].Action, Store.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task Save_StaleFormAfterDone_KeepsTheTick()
    {
        var incident = await OpenAsync();
        var record = await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, Complete(Item("Add alert", "Ines Incident-owner", Day(3, 20))));
        var staleForm = Store.PostIncidents.Draft(incident.Id);
        await Store.PostIncidents.SetFollowUpDoneAsync(TestActors.Ines, incident.Id, record.FollowUps[0].Id);

        await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, staleForm);

        Assert.True(Store.PostIncidents.Get(incident.Id)!.FollowUps[0].Done);
    }

    [Fact]
    public async Task OpenFollowUps_TwoIncidents_SortedByDueWithOverdueFlag()
    {
        var first = await OpenAsync("Publish blocked");
        var second = await OpenAsync("Stale packs");
        var done = await Store.PostIncidents.SaveAsync(TestActors.Ines, first.Id,
            Complete(Item("Rotate keys together", "Ines Incident-owner", Day(3, 25)), Item("Already fixed", "Ines Incident-owner", Day(3, 11))));
        await Store.PostIncidents.SaveAsync(TestActors.Ines, second.Id, Complete(Item("Freshness alert", "Omar On-call", Day(3, 12))));
        await Store.PostIncidents.SetFollowUpDoneAsync(TestActors.Ines, first.Id, done.FollowUps[1].Id);
        Clock.Now = new DateTimeOffset(2026, 3, 13, 8, 0, 0, TimeSpan.Zero);

        var open = Store.PostIncidents.OpenFollowUps();

        Assert.Equal(
            [(second.Id, "Stale packs", "Freshness alert", Day(3, 12), true), (first.Id, "Publish blocked", "Rotate keys together", Day(3, 25), false)],
            open.Select(f => (f.IncidentId, f.IncidentTitle, f.Text, f.Due, f.Overdue)));
    }

    [Fact]
    public async Task OpenFollowUps_DueToday_NotOverdue()
    {
        var incident = await OpenAsync();
        await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, Complete(Item("Review", "Ines Incident-owner", Day(3, 10))));

        Assert.False(Assert.Single(Store.PostIncidents.OpenFollowUps()).Overdue);
    }
}
