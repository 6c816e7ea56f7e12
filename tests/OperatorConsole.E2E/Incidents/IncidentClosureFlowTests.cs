using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

public sealed class IncidentClosureFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EvidenceRecordedInOneBrowser_ShowsInTheOther_AndThenTheOwnerCanClose()
    {
        var owner = fixture.Host.Service<UserService>().Find("owner")!.ToActor();
        var incidents = fixture.Host.Service<IncidentService>();
        var incident = await incidents.OpenAsync(owner, new OpenIncident("Publish blocked for porto", IncidentClass.PublishFailure, IncidentSeverity.Sev2, ["porto"], "Publish blocked alert"));
        var ownerPage = await fixture.SignedInPageAsync("owner", "demo-owner");
        var responderPage = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(ownerPage, $"/{IncidentLinks.Act(incident.Id)}");
        await BrowserFixture.GotoInteractiveAsync(responderPage, $"/{IncidentLinks.Act(incident.Id)}");

        await BrowserFixture.ExpandAsync(responderPage, "Record evidence (what failed, what was done, how it was checked)");
        await responderPage.GetByTestId("evidence-containment").FillAsync("Left last known good active; publish paused for porto");
        await responderPage.GetByTestId("evidence-verification").FillAsync("Resolver serves the previous pack; checksums match");
        await responderPage.GetByTestId("evidence-followup").FillAsync("Fix the verifier gate flake");
        await responderPage.GetByTestId("record-evidence").ClickAsync();

        await Assertions.Expect(ownerPage.GetByTestId("evidence-panel")).ToContainTextAsync("Resolver serves the previous pack");
        await Assertions.Expect(ownerPage.GetByTestId("timeline")).ToContainTextAsync("Evidence recorded");

        await ownerPage.GetByTestId("move-Resolved").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("incident-status")).ToHaveTextAsync("Resolved");
        await ownerPage.GetByTestId("confirm-closure").ClickAsync();
        await Assertions.Expect(ownerPage.GetByTestId("closure-panel")).ToContainTextAsync("Nothing blocks closing");
        await ownerPage.GetByTestId("move-Closed").ClickAsync();

        await Assertions.Expect(responderPage.GetByTestId("incident-status")).ToHaveTextAsync("Closed");
        await BrowserFixture.ScreenshotAsync(responderPage, "incident-closed");
    }

    [Fact]
    public async Task EvidenceWithMissingFields_ShowsWhatIsMissingAndRecordsNothing()
    {
        var owner = fixture.Host.Service<UserService>().Find("owner")!.ToActor();
        var incidents = fixture.Host.Service<IncidentService>();
        var incident = await incidents.OpenAsync(owner, new OpenIncident("Fallback spike in faro", IncidentClass.FallbackPathSpike, IncidentSeverity.Sev3, ["faro"], null));
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, $"/{IncidentLinks.Act(incident.Id)}");

        await BrowserFixture.ExpandAsync(page, "Record evidence (what failed, what was done, how it was checked)");
        await page.GetByTestId("record-evidence").ClickAsync();

        await Assertions.Expect(page.GetByTestId("evidence-problem").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("evidence-panel")).ToContainTextAsync("Verification result is required.");
        Assert.Empty(incidents.Evidence(incident.Id));
    }
}
