using System.Globalization;
using Microsoft.Playwright;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// First timeline row of a big incident in a warm browser, on its page as the admin first gets it (the static watch page):
/// the entries are seeded straight into the store (one transaction), the page is loaded once to warm the browser's
/// caches, then each load is timed in the page from navigation start (performance.now()) to the first timeline row
/// appearing in the DOM.
/// </summary>
internal static class TimelineScenario
{
    private const string Row = "[data-testid=timeline-entry]";

    private const string WatchFirstRow = """
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid=timeline-entry]')) {
            window.__ocFirstRow = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true });
        """;

    public static async Task<Figure> RunAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, TextWriter log)
    {
        log.WriteLine($"first timeline row: incident with {options.TimelineEntries:N0} entries, {options.TimelineLoads} warm loads");
        var incidentId = await console.OpenIncidentAsync("Load tool: long timeline");
        await SeedAsync(console.Host.Service<IConsoleStore>(), incidentId, options.TimelineEntries);
        var context = await browser.SignedInAsync(console.Host.BaseAddress);
        await using var _ = context;
        await context.AddInitScriptAsync(WatchFirstRow);
        var page = await context.NewPageAsync();
        var path = $"/incidents/{incidentId}";
        await LoadBrowser.GotoReadyAsync(page, path, Row, LoadBrowser.WatchLive);

        var milliseconds = new List<double>();
        for (var i = 0; i < options.TimelineLoads; i++)
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForSelectorAsync(Row);
            milliseconds.Add(await page.EvaluateAsync<double>("() => window.__ocFirstRow"));
        }

        var latency = Latency.Of(milliseconds);
        return new Figure("timeline-first-row", $"first timeline row, {options.TimelineEntries:N0}-entry incident, warm browser", "p50 ≤ 300 ms")
        {
            Latency = latency, Met = latency?.P50 <= 300,
        };
    }

    private static Task<bool> SeedAsync(IConsoleStore store, string incidentId, int count)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var firstId = DateTime.UtcNow.Ticks;
        return store.WriteAsync(s =>
        {
            for (var i = 0; i < count; i++)
            {
                var id = (firstId + i).ToString("x16", CultureInfo.InvariantCulture);
                s.Incidents.Upsert(new TimelineEntry(id, incidentId, start.AddSeconds(i), TimelineKinds.Note, "load tool", $"seeded note {i}"));
            }

            return true;
        });
    }
}
