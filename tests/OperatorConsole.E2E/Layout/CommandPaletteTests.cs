using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Layout;

/// <summary>The keyboard in a real browser: Ctrl+K opens the palette, typing finds a scope, Enter goes there; "?" lists the shortcuts.</summary>
public sealed class CommandPaletteTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CtrlK_TypePorto_EnterOpensTheScopePage()
    {
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, "/");
        await ShortcutsReadyAsync(page);

        await page.Keyboard.PressAsync("Control+k");
        await page.GetByTestId("palette-input").FillAsync("Porto locality");
        // The palette names the query its results answer; Enter is pressed only once the server has chosen for it.
        var chosen = page.Locator("[data-testid=palette][data-query='Porto locality'] [data-testid=palette-item][aria-selected=true]");
        await Assertions.Expect(chosen).ToContainTextAsync("Porto locality");
        await BrowserFixture.ScreenshotAsync(page, "command-palette");
        await page.Keyboard.PressAsync("Enter");

        // Blazor navigates inside the page, so the URL changes without a new document load.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/scopes/porto$"));
    }

    [Fact]
    public async Task QuestionMark_OutsideAField_ShowsTheShortcuts()
    {
        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, "/runs");
        await ShortcutsReadyAsync(page);

        await page.Keyboard.PressAsync("?");

        await Assertions.Expect(page.GetByTestId("shortcuts-help")).ToContainTextAsync("Run page: check off the current step");
    }

    private static Task ShortcutsReadyAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-testid=shortcuts-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
}
