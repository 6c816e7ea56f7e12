using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Incidents;

public sealed class PostIncidentServiceTests : PostIncidentFixture
{
    [Fact]
    public async Task Save_IncidentOwner_RoundTripsThroughReopenedStore()
    {
        var incident = await OpenAsync();

        await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, Complete(Item("Alert on key mismatch", "Ines Incident-owner", Day(3, 20))));
        Store.Reopen();

        var record = Store.PostIncidents.Get(incident.Id)!;
        Assert.Equal("Verifier key rotated without updating the signer.", record.RootCause);
        Assert.True(record.IsComplete);
        Assert.Equal(1, record.Revision);
        var followUp = Assert.Single(record.FollowUps);
        Assert.Equal(("Alert on key mismatch", "Ines Incident-owner", Day(3, 20), false), (followUp.Text, followUp.Owner, followUp.Due, followUp.Done));
    }

    [Fact]
    public async Task Save_IncidentOwner_AddsLedgerAndTimelineEntries()
    {
        var incident = await OpenAsync();

        await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, Complete());

        var head = Store.Ledger[^1];
        Assert.Equal(("incident.post-incident.save", $"incident:{incident.Id}", LedgerOutcome.Allowed), (head.Action, head.Subject, head.Outcome));
        Assert.Contains(Store.Incidents.Timeline(incident.Id), e => e.Kind == TimelineKinds.PostIncident && e.Text.Contains("complete", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("omar")]
    [InlineData("vera")]
    public async Task Save_OnCallOrViewer_DeniedOnLedgerAndNothingStored(string who)
    {
        var incident = await OpenAsync();
        var actor = who == "omar" ? TestActors.Omar : TestActors.Viewer;

        await Assert.ThrowsAsync<AccessDeniedException>(() => Store.PostIncidents.SaveAsync(actor, incident.Id, Complete()));

        Assert.Null(Store.PostIncidents.Get(incident.Id));
        var head = Store.Ledger[^1];
        Assert.Equal(("incident.post-incident.save", actor.Id, LedgerOutcome.Denied), (head.Action, head.Actor, head.Outcome));
    }

    [Fact]
    public async Task Save_WithoutSummaryOrRootCause_StoredButIncomplete()
    {
        var incident = await OpenAsync();

        var record = await Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, new PostIncidentDraft { Impact = "Stale packs in eu-west." });

        Assert.False(record.IsComplete);
        Assert.Equal(
            ["Summary is required for a complete record.", "Root cause is required for a complete record."],
            PostIncidentRecord.Gaps(record.Summary, record.RootCause));
    }

    [Fact]
    public async Task Save_BadFollowUpAndLongText_RejectedWithFieldMessages()
    {
        var incident = await OpenAsync();
        var draft = Complete(Item("", "Ines Incident-owner", Day(3, 20)), Item("Backfill", "Ines Incident-owner", Day(3, 9)));
        draft.Impact = new string('x', PostIncidentDraft.MaxTextLength + 1);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => Store.PostIncidents.SaveAsync(TestActors.Ines, incident.Id, draft));

        Assert.Contains("Impact is longer than 4000 characters.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Follow-up 1: text is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Follow-up 2: due date 2026-03-09 is before the incident opened (2026-03-10).", error.Message, StringComparison.Ordinal);
        Assert.Null(Store.PostIncidents.Get(incident.Id));
    }

    [Fact]
    public async Task Draft_NoRecordYet_PrefilledFromIncident()
    {
        var incident = await OpenAsync();
        Clock.Now = Start.AddMinutes(5);
        await Store.Incidents.MoveAsync(TestActors.Omar, incident.Id, IncidentStatus.Acknowledged);
        Clock.Now = Start.AddMinutes(20);
        await Store.Incidents.RecordDecisionAsync(TestActors.Ines, incident.Id, "Hold publishes", "Keep last known good");

        var draft = Store.PostIncidents.Draft(incident.Id);

        Assert.StartsWith("SEV-2 Publish failure: Publish blocked in eu-west. Opened 2026-03-10 09:00 UTC", draft.Summary, StringComparison.Ordinal);
        Assert.Equal(
            [(Start, "Opened as SEV-2 Publish failure"), (Start.AddMinutes(5), "Detected → Acknowledged by Omar On-call"), (Start.AddMinutes(20), "Decision: Hold publishes (Keep last known good)")],
            draft.Timeline.Select(m => (m.At, m.Text)));
    }
}
