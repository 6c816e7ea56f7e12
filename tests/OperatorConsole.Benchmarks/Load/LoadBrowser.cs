using Microsoft.Playwright;
using OperatorConsole.Testing;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>Debian Chromium driven by Playwright, signed in as the demo admin; pages open a few at a time.</summary>
internal sealed class LoadBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const int OpenBatch = 5;

    /// <summary>Present once a page's circuit is live.</summary>
    public const string CircuitUp = "[data-testid=circuit-up]";

    /// <summary>Present once an incident's static page (someone who only watches it) has subscribed on the hub.</summary>
    public const string WatchLive = "[data-incident-watch][data-live=ready]";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly float _timeoutMs;

    private LoadBrowser(IPlaywright playwright, IBrowser browser, TimeSpan timeout)
    {
        _playwright = playwright;
        _browser = browser;
        _timeoutMs = (float)timeout.TotalMilliseconds;
    }

    public static async Task<LoadBrowser> LaunchAsync(TimeSpan timeout)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run 'apt-get install -y chromium' (scripts/test.sh does).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
        });
        return new LoadBrowser(playwright, browser, timeout);
    }

    /// <summary>A new context (its own cookies) signed in as the demo admin, or the demo user named.</summary>
    public async Task<IBrowserContext> SignedInAsync(Uri baseAddress, string user = "admin", string password = ConsoleHost.AdminPassword)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(_timeoutMs);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.CloseAsync();
        return context;
    }

    /// <summary>
    /// Opens <paramref name="count"/> pages on <paramref name="path"/>, a batch at a time, each waited until its circuit is
    /// up (or <paramref name="live"/> is there) and <paramref name="ready"/> is visible.
    /// </summary>
    public async Task<List<IPage>> OpenAsync(IBrowserContext context, string path, string ready, int count, TextWriter log, string live = CircuitUp)
    {
        var pages = new List<IPage>();
        while (pages.Count < count)
        {
            var batch = Enumerable.Range(0, Math.Min(OpenBatch, count - pages.Count)).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                await GotoReadyAsync(page, path, ready, live);
                return page;
            });
            try
            {
                pages.AddRange(await Task.WhenAll(batch));
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{pages.Count} of {count} pages on {path} were ready; a page of the next batch was not within {_timeoutMs / 1000:0} s ({e.Message}).", e);
            }
        }

        log.WriteLine($"  {count} pages open on {path}");
        return pages;
    }

    public static async Task GotoReadyAsync(IPage page, string path, string ready, string live = CircuitUp)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync(live, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync(ready);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
