using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OperatorConsole.Testing;

namespace OperatorConsole.E2E.Shared;

/// <summary>One console host and one Debian Chromium per test class; each test opens its own contexts.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ConsoleHost Host { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, for this fixture and for tests that bring their own hosts.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run 'apt-get install -y chromium' (the README's test command does).");
        }

        // Two cores run the host, the browser and other test projects at once; give live updates room.
        Assertions.SetDefaultExpectTimeout(15_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) signed in as <paramref name="user"/>.</summary>
    public Task<IPage> SignedInPageAsync(string user, string password, string? timeZone = null) =>
        SignedInPageAsync(Browser, Host.BaseAddress, user, password, timeZone);

    /// <summary>A fresh context of <paramref name="browser"/> signed in as <paramref name="user"/> at <paramref name="baseAddress"/>.</summary>
    public static async Task<IPage> SignedInPageAsync(IBrowser browser, Uri baseAddress, string user, string password, string? timeZone = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), TimezoneId = timeZone });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^(?!.*/login)"));
        return page;
    }

    /// <summary>Opens a page and waits until the interactive circuit is up, so clicks reach the server.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("[data-testid=circuit-up]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// Opens a page and waits until it is live: its interactive circuit is up, or, on an incident's watch page (no
    /// circuit), its watch script has subscribed.
    /// </summary>
    public static async Task GotoLiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-testid=circuit-up], [data-incident-watch][data-live=ready]").First
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// Picks an option of a MudSelect and checks it took: under load a click can land while the
    /// popover is still opening, so it tries again (bounded) instead of going on with the old value.
    /// </summary>
    public static async Task SelectAsync(IPage page, string testId, string option)
    {
        var select = page.GetByTestId(testId);
        for (var attempt = 0; attempt < 3 && !(await select.InnerTextAsync()).Contains(option, StringComparison.Ordinal); attempt++)
        {
            await select.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
            await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }

        await Assertions.Expect(select).ToContainTextAsync(option);
    }

    /// <summary>
    /// Opens a MudExpansionPanel by its header and waits until its slide-open animation has finished:
    /// content still sliding open is clipped, and under load a click aimed at it can land elsewhere.
    /// </summary>
    public static async Task ExpandAsync(IPage page, string header)
    {
        await page.GetByText(header).ClickAsync();
        await page.Locator(".mud-panel-expanded .mud-collapse-entered").WaitForAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
