using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

/// <summary>Owner, responders, hand-over, a self-ticking obligation and the SEV-1 close override, live across two browsers.</summary>
public sealed class IncidentRolesLiveTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly Actor Ines = new("owner", "Ines Incident-owner", Role.IncidentOwner | Role.OnCall);

    private IncidentService Incidents => fixture.Host.Service<IncidentService>();

    [Fact]
    public async Task Acknowledge_InOneBrowser_OwnerShowsLiveInTheOthersListAndJoinShowsLive()
    {
        var incident = await Incidents.OpenAsync(Actor.System, new OpenIncident("Stale pack in braga owner-live", IncidentClass.StalePackBreach, IncidentSeverity.Sev2, ["braga"], "alert"));
        var operatorPage = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        var ownerPage = await fixture.SignedInPageAsync("owner", "demo-owner");
        await BrowserFixture.GotoInteractiveAsync(ownerPage, "/incidents?q=owner-live");
        await BrowserFixture.GotoInteractiveAsync(operatorPage, $"/{IncidentLinks.Act(incident.Id)}");
        await Assertions.Expect(ownerPage.GetByTestId("incident-row-owner")).ToHaveTextAsync("—");

        await operatorPage.GetByTestId("move-Acknowledged").ClickAsync();

        await Assertions.Expect(ownerPage.GetByTestId("incident-row-owner")).ToHaveTextAsync("Omar On-call");
        await BrowserFixture.GotoInteractiveAsync(ownerPage, $"/{IncidentLinks.Act(incident.Id)}");
        await Assertions.Expect(ownerPage.GetByTestId("incident-owner")).ToHaveTextAsync("Omar On-call");

        await operatorPage.GetByTestId("join-incident").ClickAsync();

        await Assertions.Expect(ownerPage.GetByTestId("incident-responders")).ToContainTextAsync("Omar On-call");
        await Assertions.Expect(operatorPage.GetByTestId("leave-incident")).ToBeVisibleAsync();
        await Assertions.Expect(ownerPage.GetByTestId("timeline")).ToContainTextAsync("Omar On-call is working on this");
    }

    [Fact]
    public async Task Sev1_HandOverContainAndCloseWithOverride_EachShowsLiveAndOnTheTimeline()
    {
        var incident = await Incidents.OpenAsync(Actor.System, new OpenIncident("Bad publish in faro roles-flow", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["faro"], "alert"));
        await Incidents.MoveAsync(Ines, incident.Id, IncidentStatus.Acknowledged);
        var operatorPage = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        var ownerPage = await fixture.SignedInPageAsync("owner", "demo-owner");
        await BrowserFixture.GotoInteractiveAsync(operatorPage, $"/{IncidentLinks.Act(incident.Id)}");
        await BrowserFixture.GotoInteractiveAsync(ownerPage, $"/{IncidentLinks.Act(incident.Id)}");

        // Omar is neither the owner nor an incident owner: hand-over is offered disabled.
        await Assertions.Expect(operatorPage.GetByTestId("handover-submit")).ToBeDisabledAsync();
        await BrowserFixture.SelectAsync(ownerPage, "handover-select", "Olga On-call");
        await ownerPage.GetByTestId("handover-submit").ClickAsync();
        await Assertions.Expect(operatorPage.GetByTestId("incident-owner")).ToHaveTextAsync("Olga On-call");

        // Containment ticks "Contain immediately" itself, with its proof.
        await operatorPage.GetByTestId("move-Contained").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("obligation-sev1-contain")).ToContainTextAsync("Seen by the console");
        await Assertions.Expect(ownerPage.GetByTestId("obligation-sev1-contain")).ToContainTextAsync("ledger #");

        // Everything else that closing needs, done elsewhere; two responses stay open, so closing asks for an override.
        await Incidents.MoveAsync(Ines, incident.Id, IncidentStatus.Resolved);
        await Incidents.RecordEvidenceAsync(Ines, incident.Id, Draft());
        await Incidents.ConfirmClosureConditionAsync(Ines, incident.Id);
        await Assertions.Expect(ownerPage.GetByTestId("closure-panel")).ToContainTextAsync("Nothing blocks closing");
        await ownerPage.GetByTestId("move-Closed").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("close-override-open")).ToContainTextAsync("Preserve evidence");
        await ownerPage.GetByTestId("close-override-reason").FillAsync("Evidence kept in the vendor ticket");
        await ownerPage.GetByTestId("close-override-confirm").ClickAsync();

        await Assertions.Expect(operatorPage.GetByTestId("incident-status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(operatorPage.GetByTestId("timeline")).ToContainTextAsync("Closed with required responses open");
        Assert.Equal(IncidentStatus.Closed, Incidents.Get(incident.Id)!.Status);
        await BrowserFixture.ScreenshotAsync(ownerPage, "incident-roles-closed-with-override");
    }

    private static EvidenceDraft Draft() => new()
    {
        Timestamp = DateTimeOffset.UtcNow,
        Scope = "faro",
        TriggerSource = "alert",
        FailureMode = "Wrong pack active",
        ContainmentAction = "Bad-pack kill switch",
        VerificationResult = "Last known good served",
        OperatorOrOwner = "Olga On-call",
        FollowUp = "Canary readback",
    };
}
