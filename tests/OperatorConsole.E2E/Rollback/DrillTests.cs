using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Rollback;

/// <summary>A drill on the drill-target scope, walked in the browser, turns the rollback objective from unproven to proven.</summary>
public sealed class DrillTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Scope = "model-slot-a";

    [Fact]
    public async Task Drill_AllStepsInTheBrowser_ObjectiveBecomesProven()
    {
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, "/scopes");
        await Assertions.Expect(page.Locator($"[data-testid=scope-active][data-scope='{Scope}']")).ToContainTextAsync("model-slot-a-v3");
        await Assertions.Expect(page.GetByTestId("objective-badge")).ToHaveAttributeAsync("data-proven", "false");
        await page.GetByTestId("dark-mode").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "scopes-dark");

        await BrowserFixture.GotoInteractiveAsync(page, $"/scopes/{Scope}");
        await page.GetByTestId("start-drill").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/rollbacks/"));
        // Each step shown done before the next is pressed: a click while the last step's result still renders can land on
        // a button about to be replaced.
        await page.GetByTestId("rollback-act-2").ClickAsync();
        await StepDoneAsync(page, 2);
        await page.GetByTestId("rollback-act-3").ClickAsync();
        await page.GetByTestId("rebind-confirm").ClickAsync();
        await StepDoneAsync(page, 3);
        await page.GetByTestId("rollback-act-4").ClickAsync();
        await StepDoneAsync(page, 4);
        await page.GetByTestId("rollback-act-5").ClickAsync();

        await Assertions.Expect(page.GetByTestId("rollback-outcome")).ToHaveTextAsync("Objective met");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Rollback drill");
        await BrowserFixture.ScreenshotAsync(page, "drill-completed-dark");
        await BrowserFixture.GotoInteractiveAsync(page, $"/scopes/{Scope}");
        await Assertions.Expect(page.GetByTestId("objective-badge")).ToHaveAttributeAsync("data-proven", "true");
        await Assertions.Expect(page.GetByTestId("active-card-id")).ToHaveTextAsync("model-slot-a-v2");
        await BrowserFixture.GotoInteractiveAsync(page, "/rollbacks");
        await Assertions.Expect(page.GetByTestId("objective-badge")).ToHaveAttributeAsync("data-proven", "true");
        await BrowserFixture.ScreenshotAsync(page, "rollbacks-dark");
    }

    private static Task StepDoneAsync(IPage page, int number) =>
        Assertions.Expect(page.Locator($"[data-testid=rollback-step-{number}]")).ToHaveAttributeAsync("data-done", "true");
}
