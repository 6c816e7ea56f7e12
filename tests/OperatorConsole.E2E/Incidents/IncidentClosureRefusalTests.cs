using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

public sealed class IncidentClosureRefusalTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ClosingWithoutEvidence_IsRefusedAndThePanelSaysWhatIsMissing()
    {
        var owner = fixture.Host.Service<UserService>().Find("owner")!.ToActor();
        var incidents = fixture.Host.Service<IncidentService>();
        var incident = await incidents.OpenAsync(owner, new OpenIncident("Stale pack in lisbon", IncidentClass.StalePackBreach, IncidentSeverity.Sev2, ["lisbon"], "Stale pack alert"));
        var page = await fixture.SignedInPageAsync("owner", "demo-owner");
        await BrowserFixture.GotoInteractiveAsync(page, $"/{IncidentLinks.Act(incident.Id)}");

        await page.GetByTestId("move-Resolved").ClickAsync();
        await Assertions.Expect(page.GetByTestId("incident-status")).ToHaveTextAsync("Resolved");
        await page.GetByTestId("move-Closed").ClickAsync();

        await Assertions.Expect(page.GetByTestId("closure-panel")).ToContainTextAsync("evidence record");
        await Assertions.Expect(page.GetByTestId("closure-panel")).ToContainTextAsync("Fresh publish succeeds");
        Assert.Equal(IncidentStatus.Resolved, incidents.Get(incident.Id)!.Status);
        await BrowserFixture.ScreenshotAsync(page, "incident-detail");
    }
}
