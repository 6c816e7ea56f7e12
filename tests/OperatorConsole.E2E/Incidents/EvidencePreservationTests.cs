using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Incidents;

public sealed class EvidencePreservationTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AttachThenPreserve_DownloadsABundleThatTheVerifyPageCallsValid()
    {
        var owner = fixture.Host.Service<UserService>().Find("owner")!.ToActor();
        var incident = await fixture.Host.Service<IncidentService>()
            .OpenAsync(owner, new OpenIncident("Bad publish in évora", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["evora"], "Resolver health"));
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, $"/{IncidentLinks.Act(incident.Id)}");

        await BrowserFixture.ExpandAsync(page, "Record evidence (what failed, what was done, how it was checked)");
        await page.GetByTestId("attachment-input").SetInputFilesAsync(new FilePayload
        {
            Name = "resolver-log.txt",
            MimeType = "text/plain",
            Buffer = "12:01 GET /manifest/evora 200 sha256=abc\n12:02 GET /pack/evora 500\n"u8.ToArray(),
        });
        await Assertions.Expect(page.GetByTestId("attachment-sha256")).ToContainTextAsync("SHA-256");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("preserve-evidence").ClickAsync());
        var bundlePath = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(bundlePath);

        await BrowserFixture.GotoInteractiveAsync(page, "/evidence/verify");
        await page.GetByTestId("bundle-input").SetInputFilesAsync(bundlePath);

        await Assertions.Expect(page.GetByTestId("verify-valid")).ToBeVisibleAsync();
        Assert.Contains("resolver-log.txt", await File.ReadAllTextAsync(bundlePath), StringComparison.Ordinal);
        File.Delete(bundlePath);
        await BrowserFixture.ScreenshotAsync(page, "evidence-verified");
    }
}
