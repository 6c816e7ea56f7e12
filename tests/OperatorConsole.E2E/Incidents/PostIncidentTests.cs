using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Incidents;

public sealed class PostIncidentTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PostIncidentPage_ForAResolvedIncident_IsPrefilledFromTheTimeline()
    {
        var owner = fixture.Host.Service<UserService>().Find("owner")!.ToActor();
        var incidents = fixture.Host.Service<IncidentService>();
        var incident = await incidents.OpenAsync(owner, new OpenIncident("AI lane malformed output in braga", IncidentClass.AiLaneInstability, IncidentSeverity.Sev2, ["braga"], "Fallback spike"));
        await incidents.MoveAsync(owner, incident.Id, IncidentStatus.Contained);
        await incidents.RecordDecisionAsync(owner, incident.Id, "Disable the AI lane for braga", "Malformed output rate above 5 %");
        await incidents.MoveAsync(owner, incident.Id, IncidentStatus.Resolved);
        var page = await fixture.SignedInPageAsync("owner", "demo-owner");

        await BrowserFixture.GotoInteractiveAsync(page, $"/incidents/{incident.Id}/post-incident");

        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Disable the AI lane for braga");
        await BrowserFixture.ScreenshotAsync(page, "post-incident");
        await BrowserFixture.GotoInteractiveAsync(page, "/ledger/investigate");
        await BrowserFixture.ScreenshotAsync(page, "investigate");
        await BrowserFixture.GotoInteractiveAsync(page, "/health-check");
        await BrowserFixture.ScreenshotAsync(page, "health-check");
    }
}
