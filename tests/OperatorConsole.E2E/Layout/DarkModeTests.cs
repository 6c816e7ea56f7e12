using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Layout;

public sealed class DarkModeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task DarkModeToggle_IsRememberedForTheUserAfterReload()
    {
        var page = await fixture.SignedInPageAsync("owner", "demo-owner");
        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks");
        var lightBackground = await BodyBackgroundAsync(page);

        await page.GetByTestId("dark-mode").ClickAsync();
        await page.WaitForFunctionAsync($"() => getComputedStyle(document.body).backgroundColor !== '{lightBackground}'");
        await BrowserFixture.GotoInteractiveAsync(page, "/runbooks");

        Assert.NotEqual(lightBackground, await BodyBackgroundAsync(page));
        await BrowserFixture.ScreenshotAsync(page, "runbooks-dark");
    }

    private static Task<string> BodyBackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
