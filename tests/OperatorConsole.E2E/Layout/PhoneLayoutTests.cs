using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Layout;

/// <summary>
/// The main pages on a 390×844 phone: nothing wider than the screen (no sideways scrolling) and no button cut off at
/// the edge or inside its own label. All pages are checked before failing, so one run lists everything left to fix.
/// </summary>
public sealed class PhoneLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Problems = """
        () => {
            const width = window.innerWidth;
            const found = [];
            const overflow = document.scrollingElement.scrollWidth;
            if (overflow > width) found.push(`page is ${overflow}px wide on a ${width}px screen`);
            for (const b of document.querySelectorAll('button, a.mud-button-root')) {
                const r = b.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || b.closest('.mud-drawer, .mud-popover, .mud-snackbar')) continue;
                const name = (b.innerText || b.getAttribute('aria-label') || b.outerHTML.slice(0, 60)).trim();
                if (r.left < -1 || r.right > width + 1) found.push(`button "${name}" runs off the screen (${Math.round(r.left)}..${Math.round(r.right)})`);
                else if (b.scrollWidth > b.clientWidth + 1) found.push(`button "${name}" is cut inside (${b.scrollWidth} > ${b.clientWidth})`);
            }
            return found;
        }
        """;

    [Fact]
    public async Task MainPages_OnAPhone_HaveNoSidewaysOverflowOrClippedButtons()
    {
        var failures = new List<string>();
        var page = await PhonePageAsync(MainPages.OperatorUser, MainPages.OperatorPassword);
        foreach (var path in await MainPages.OperatorPathsAsync(fixture.Host))
        {
            failures.AddRange(await ProblemsAsync(page, path));
        }

        var admin = await PhonePageAsync(MainPages.AdminUser, MainPages.AdminPassword);
        foreach (var path in MainPages.AdminPaths)
        {
            failures.AddRange(await ProblemsAsync(admin, path));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AppBar_OnAPhone_KeepsTheUserNameOnOneLine()
    {
        var page = await PhonePageAsync(MainPages.OperatorUser, MainPages.OperatorPassword);
        await BrowserFixture.GotoInteractiveAsync(page, "/");

        var name = page.GetByTestId("current-user");
        var lineHeight = await name.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        var box = await name.BoundingBoxAsync();
        Assert.True(box!.Height <= lineHeight * 1.5, $"the user name wraps: {box.Height}px tall for a {lineHeight}px line");
        await BrowserFixture.ScreenshotAsync(page, "phone-home");
    }

    [Fact]
    public async Task NavLink_OnAPhone_ClosesTheDrawerItOpenedFrom()
    {
        var page = await PhonePageAsync(MainPages.OperatorUser, MainPages.OperatorPassword);
        await BrowserFixture.GotoInteractiveAsync(page, "/");
        var drawer = page.Locator(".mud-drawer");
        await ClickInDrawerAsync(page, drawer, "a[href='kill-switches']");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/kill-switches$"));
        await Assertions.Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));
    }

    /// <summary>
    /// Opens the drawer and taps the link, opening it again when it closed before the tap: a CI run on a loaded machine
    /// saw the drawer open, then the link stay hidden for 15 s, as when the drawer learns the viewport only after it
    /// opened and closes itself for a phone.
    /// </summary>
    private static async Task ClickInDrawerAsync(IPage page, ILocator drawer, string link)
    {
        for (var attempt = 1; ; attempt++)
        {
            await OpenAsync(page, drawer);
            try
            {
                await drawer.Locator(link).ClickAsync(new() { Timeout = 10_000 });
                return;
            }
            catch (System.TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Taps the menu button until the drawer is open: right after the page turns interactive, MudBlazor's responsive
    /// drawer may still be learning the viewport, and a tap in that moment is lost (a tap a few seconds later opens it).
    /// </summary>
    private static async Task OpenAsync(IPage page, ILocator drawer)
    {
        var open = new System.Text.RegularExpressions.Regex("mud-drawer--open");
        for (var tap = 0; tap < 3 && !open.IsMatch(await drawer.GetAttributeAsync("class") ?? ""); tap++)
        {
            await page.GetByLabel("Toggle navigation").ClickAsync();
            try
            {
                await Assertions.Expect(drawer).ToHaveClassAsync(open, new() { Timeout = 5_000 });
            }
            catch (PlaywrightException)
            {
            }
        }

        await Assertions.Expect(drawer).ToHaveClassAsync(open);
    }

    private async Task<IPage> PhonePageAsync(string user, string password)
    {
        var page = await fixture.SignedInPageAsync(user, password);
        await page.SetViewportSizeAsync(390, 844);
        return page;
    }

    private static async Task<IEnumerable<string>> ProblemsAsync(IPage page, string path)
    {
        await BrowserFixture.GotoLiveAsync(page, path);
        var found = await page.EvaluateAsync<string[]>(Problems);
        return found.Select(problem => $"{path}: {problem}");
    }
}
