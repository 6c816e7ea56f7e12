namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Server memory per idle circuit on the incident page (or the page <c>--circuit-page</c> names): the host runs in this process, so GC.GetTotalMemory(true)
/// (a full, compacting collection) before and after K more pages are open gives (after − before) / K.
/// </summary>
internal static class CircuitMemoryScenario
{
    private const string IncidentPage = "incident";

    public static async Task<Figure> RunAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, TextWriter log)
    {
        log.WriteLine($"server memory per circuit: {options.Circuits} pages on {options.CircuitPage}");
        var (path, ready) = options.CircuitPage == IncidentPage
            ? ($"/incidents/{await console.OpenIncidentAsync("Load tool: idle circuits")}", "[data-testid=timeline]")
            : (options.CircuitPage, "main");
        var context = await browser.SignedInAsync(console.Host.BaseAddress);
        await using var _ = context;

        // One page first, so what is loaded once per process (components, caches, JIT) is in the baseline.
        await browser.OpenAsync(context, path, ready, 1, log);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var pages = await browser.OpenAsync(context, path, ready, options.Circuits, log);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perCircuit = (after - before) / (double)pages.Count / 1024;
        return new Figure("memory-per-circuit", $"server memory per idle circuit ({options.CircuitPage} page, K = {pages.Count})", "≤ 150 KB")
        {
            Value = perCircuit,
            Unit = "KB managed after full GC",
            Met = perCircuit <= 150,
        };
    }
}
