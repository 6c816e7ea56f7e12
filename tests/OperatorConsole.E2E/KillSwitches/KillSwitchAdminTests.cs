using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.KillSwitches;

/// <summary>An Admin defines a new switch in one browser; an on-call engineer's open page lists it at once.</summary>
public sealed class KillSwitchAdminTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AdminCreatesASwitch_OnCallBrowserShowsItWithoutReload()
    {
        var admin = await fixture.SignedInPageAsync("admin", "demo-admin");
        var oncall = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(admin, "/kill-switches");
        await BrowserFixture.GotoInteractiveAsync(oncall, "/kill-switches");

        await BrowserFixture.ExpandAsync(admin, "New kill switch (Admin)");
        await admin.GetByTestId("new-switch-key").FillAsync("freeze-graduation");
        await admin.GetByTestId("kill-switch-create").GetByTestId("switch-description").FillAsync("004: no lane graduates while frozen");
        await admin.GetByTestId("kill-switch-create").GetByTestId("save-switch").ClickAsync();

        await Assertions.Expect(oncall.Locator("[data-testid=kill-switch-key][data-switch='freeze-graduation@global']"))
            .ToContainTextAsync("004: no lane graduates while frozen");
        await BrowserFixture.ScreenshotAsync(admin, "kill-switches-admin-created");
    }
}
