using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Docs;

/// <summary>
/// The README's pictures, taken over a busy demo (a SEV-1 open, a switch on): the command centre, an incident, the
/// kill switches and a phone. scripts/screenshots.sh points OC_SCREENSHOTS_DIR at docs/screenshots to refresh them;
/// otherwise they land beside the test binaries like every other browser-test screenshot.
/// </summary>
public sealed class ReadmeScreenshotTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private readonly string _folder = Environment.GetEnvironmentVariable("OC_SCREENSHOTS_DIR")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task ReadmePages_OnABusyConsole_RenderAndAreSaved()
    {
        var incident = await BusyConsoleAsync();
        var page = await fixture.SignedInPageAsync(MainPages.OperatorUser, MainPages.OperatorPassword);
        await page.SetViewportSizeAsync(1440, 900);

        await SaveAsync(page, "/", "command-centre");
        await SaveAsync(page, $"/{IncidentLinks.Act(incident)}", "incident");
        await SaveAsync(page, "/kill-switches", "kill-switches");
        await page.SetViewportSizeAsync(390, 844);
        await SaveAsync(page, $"/incidents/{incident}", "phone-incident");

        foreach (var name in new[] { "command-centre", "incident", "kill-switches", "phone-incident" })
        {
            Assert.True(new FileInfo(Path.Combine(_folder, name + ".png")).Length > 0, name);
        }
    }

    private async Task<string> BusyConsoleAsync()
    {
        var owner = fixture.Host.Service<UserService>().Find(MainPages.OperatorUser)!.ToActor();
        var incident = await fixture.Host.Service<IncidentService>().OpenAsync(owner, new OpenIncident(
            "Bad publish in porto: resolver serving a corrupt pack", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["porto"], "Resolver health"));
        await fixture.Host.Service<KillSwitchService>().FlipAsync(owner, "publish-pipeline-freeze", null, on: true, "Contain the bad publish in porto");
        return incident.Id;
    }

    private async Task SaveAsync(IPage page, string path, string name)
    {
        await BrowserFixture.GotoLiveAsync(page, path);
        await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
        Directory.CreateDirectory(_folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_folder, name + ".png") });
    }
}
