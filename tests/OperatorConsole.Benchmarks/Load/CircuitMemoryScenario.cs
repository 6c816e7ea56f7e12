namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Server memory per idle circuit on the incident page (or the page <c>--circuit-page</c> names): the host runs in this process, so the
/// managed heap after full, compacting collections before and after K more pages are open gives (after − before) / K. On the incident
/// page it is measured a second time, on a fresh console, for K pages held by a Viewer: static, no circuit, each with
/// its hub connection subscribed (issue 14).
/// </summary>
internal static class CircuitMemoryScenario
{
    private const string IncidentPage = "incident";
    private const string Target = "≤ 150 KB";

    public static async Task<Figure> RunAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, TextWriter log)
    {
        log.WriteLine($"server memory per circuit: {options.Circuits} pages on {options.CircuitPage}");
        var (path, ready) = options.CircuitPage == IncidentPage
            ? ($"/incidents/{await console.OpenIncidentAsync("Load tool: idle circuits")}", "[data-testid=timeline]")
            : (options.CircuitPage, "main");
        var context = await browser.SignedInAsync(console.Host.BaseAddress);
        await using var _ = context;
        var perCircuit = await PerPageKbAsync(browser, context, path, ready, LoadBrowser.CircuitUp, options.Circuits, log);
        return new Figure("memory-per-circuit", $"server memory per idle circuit ({options.CircuitPage} page, K = {options.Circuits})", Target)
        {
            Value = perCircuit,
            Unit = "KB managed after full GC",
            Met = perCircuit <= 150,
        };
    }

    /// <summary>The incident page as a Viewer holds it: static, live over the hub; null when another page was asked for.</summary>
    public static async Task<Figure?> RunWatchersAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, TextWriter log)
    {
        if (options.CircuitPage != IncidentPage)
        {
            return null;
        }

        log.WriteLine($"server memory per watcher: {options.Circuits} static incident pages held by a Viewer");
        var path = $"/incidents/{await console.OpenIncidentAsync("Load tool: idle watchers")}";
        var context = await browser.SignedInAsync(console.Host.BaseAddress, "viewer", "demo-viewer");
        await using var _ = context;
        var perPage = await PerPageKbAsync(browser, context, path, "[data-testid=timeline]", LoadBrowser.WatchLive, options.Circuits, log);
        return new Figure("memory-per-watcher", $"server memory per idle watcher (static incident page + hub connection, Viewer, K = {options.Circuits})", Target)
        {
            Value = perPage,
            Unit = "KB managed after full GC",
            Met = perPage <= 150,
        };
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
