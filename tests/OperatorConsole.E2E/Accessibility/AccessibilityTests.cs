using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Accessibility;

/// <summary>
/// WCAG 2.1 AA on every main page in the light and the dark theme: axe-core finds no critical or serious violation.
/// All pages are checked before failing, so one run lists everything left to fix.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MainPages_InTheme_HaveNoCriticalOrSeriousViolations(bool dark)
    {
        await SetThemeAsync(MainPages.OperatorUser, dark);
        await SetThemeAsync(MainPages.AdminUser, dark);
        var failures = new List<string>();

        var operatorPage = await fixture.SignedInPageAsync(MainPages.OperatorUser, MainPages.OperatorPassword);
        foreach (var path in await MainPages.OperatorPathsAsync(fixture.Host))
        {
            await BrowserFixture.GotoLiveAsync(operatorPage, path);
            failures.Add(await Axe.SeriousViolationsAsync(operatorPage, path));
        }

        var adminPage = await fixture.SignedInPageAsync(MainPages.AdminUser, MainPages.AdminPassword);
        foreach (var path in MainPages.AdminPaths)
        {
            await BrowserFixture.GotoInteractiveAsync(adminPage, path);
            failures.Add(await Axe.SeriousViolationsAsync(adminPage, path));
        }

        var report = string.Concat(failures);
        Assert.True(report.Length == 0, $"{(dark ? "Dark" : "Light")} theme:\n{report}");
    }

    [Fact]
    public async Task SignInPage_HasNoCriticalOrSeriousViolations()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");

        await Axe.AssertNoSeriousViolationsAsync(page, "sign-in");
    }

    private Task SetThemeAsync(string user, bool dark) =>
        fixture.Host.Service<UserService>().SetDarkModeAsync(fixture.Host.Service<UserService>().Find(user)!.ToActor(), dark);
}
