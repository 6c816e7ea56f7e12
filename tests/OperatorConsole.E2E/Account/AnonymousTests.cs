using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Account;

public sealed class AnonymousTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnonymousVisitor_OpeningARunbookPage_IsSentToLogin()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/runbooks");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await Assertions.Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "login");
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorAndStaysOnLogin()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");

        await page.FillAsync("#username", "oncall");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("[data-testid=sign-in]");

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("wrong password");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }
}
