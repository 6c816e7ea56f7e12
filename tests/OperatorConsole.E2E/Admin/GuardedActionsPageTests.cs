using Microsoft.Playwright;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Admin;

public sealed class GuardedActionsPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AdminSwitchesFourEyesOnForRebinds_TheConsoleObeysIt()
    {
        var page = await fixture.SignedInPageAsync("admin", "demo-admin");
        await BrowserFixture.GotoInteractiveAsync(page, "/admin/guarded-actions");

        await page.Locator($"input[data-testid='four-eyes-{GuardedActionTypes.ScopeRebind}']").CheckAsync();

        var row = page.GetByTestId("guarded-policies").Locator("tbody tr", new() { HasText = GuardedActionTypes.ScopeRebind });
        await Assertions.Expect(row).ToContainTextAsync("second person confirms");
        Assert.True(fixture.Host.Service<GuardedActionService>().Policies().Single(p => p.ActionType == GuardedActionTypes.ScopeRebind).FourEyes);
        await BrowserFixture.ScreenshotAsync(page, "admin-guarded-actions");
    }
}
