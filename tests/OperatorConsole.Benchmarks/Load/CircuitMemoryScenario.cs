using OperatorConsole.Testing;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Server memory per idle circuit on the incident page with its controls (or the page <c>--circuit-page</c> names): the host runs in this
/// process, so the managed heap after full, compacting collections before and after K more pages are open gives (after − before) / K.
/// On the incident page it is measured first, on a fresh console, for K watch pages as each person gets them when opening the incident
/// (static, no circuit, each with its hub connection subscribed; issue 14): held by a Viewer, and by an admin, who may act and has not
/// asked to.
/// </summary>
internal static class CircuitMemoryScenario
{
    private const string IncidentPage = "incident";
    private const string Target = "≤ 150 KB";

    public static async Task<Figure> RunAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, TextWriter log)
    {
        log.WriteLine($"server memory per circuit: {options.Circuits} pages on {options.CircuitPage}");
        var (path, ready) = options.CircuitPage == IncidentPage
            ? ($"/{IncidentLinks.Act(await console.OpenIncidentAsync("Load tool: idle circuits"))}", "[data-testid=timeline]")
            : (options.CircuitPage, "main");
        var context = await browser.SignedInAsync(console.Host.BaseAddress);
        await using var _ = context;
        var perCircuit = await PerPageKbAsync(browser, context, path, ready, LoadBrowser.CircuitUp, options.Circuits, log);
        return new Figure("memory-per-circuit", $"server memory per idle circuit ({(options.CircuitPage == IncidentPage ? "incident page with its controls" : options.CircuitPage + " page")}, K = {options.Circuits})", Target)
        {
            Value = perCircuit,
            Unit = "KB managed after full GC",
            Met = perCircuit <= 150,
        };
    }

    /// <summary>
    /// The incident page as first served, held by a Viewer (who only watches) and by an admin (who may act): static, live over the hub;
    /// none when another page was asked for.
    /// </summary>
    public static async Task<IReadOnlyList<Figure>> RunWatchPagesAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, TextWriter log)
    {
        if (options.CircuitPage != IncidentPage)
        {
            return [];
        }

        var figures = new List<Figure>();
        foreach (var (id, who, user, password) in new[]
                 {
                     ("memory-per-watcher", "Viewer", "viewer", "demo-viewer"),
                     ("memory-per-watch-page", "admin, who may act", "admin", ConsoleHost.AdminPassword),
                 })
        {
            log.WriteLine($"server memory per watch page: {options.Circuits} incident pages as first served to {who}");
            var path = $"/incidents/{await console.OpenIncidentAsync($"Load tool: idle watch pages ({user})")}";
            var context = await browser.SignedInAsync(console.Host.BaseAddress, user, password);
            await using var _ = context;
            var perPage = await PerPageKbAsync(browser, context, path, "[data-testid=timeline]", LoadBrowser.WatchLive, options.Circuits, log);
            figures.Add(new Figure(id, $"server memory per idle incident page as first served (static + hub connection, {who}, K = {options.Circuits})", Target)
            {
                Value = perPage,
                Unit = "KB managed after full GC",
                Met = perPage <= 150,
            });
        }

        return figures;
    }

    private static async Task<double> PerPageKbAsync(LoadBrowser browser, Microsoft.Playwright.IBrowserContext context, string path, string ready, string live, int count, TextWriter log)
    {
        // One page first, so what is loaded once per process (components, caches, JIT) is in the baseline.
        await browser.OpenAsync(context, path, ready, 1, log, live);
        var before = SettledHeapBytes();
        var pages = await browser.OpenAsync(context, path, ready, count, log, live);
        var after = SettledHeapBytes();
        return (after - before) / (double)pages.Count / 1024;
    }

    // GC.GetTotalMemory(true) stops collecting once two readings are within 5 % of each other: megabytes on this heap,
    // more than K watchers hold in all. Three blocking, compacting full collections with the finalizers run between
    // them leave only what is reachable (also what the previous console of this process left to its finalizers).
    private static long SettledHeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: false);
    }
}
