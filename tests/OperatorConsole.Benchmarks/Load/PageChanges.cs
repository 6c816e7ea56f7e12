using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// A change watched in open pages, measured in each page (pages and watchers parts): a MutationObserver notes, on the wall
/// clock (performance.timeOrigin + performance.now()), each new value read from the first element matching a selector
/// (its text, or the part of it matching a pattern); the change's start is taken on the same machine's wall clock. The
/// tool asks the pages whether they have shown a change only once the change's spacing has passed, so that asking costs
/// nothing while pages show it: a page that told the tool itself (a function exposed to its context, one Playwright
/// round trip per page per change) spent that work on the cores the other pages were still showing the change on, and
/// the next change followed the last page at once, into the previous change's paint.
/// </summary>
internal sealed class PageChanges
{
    private const string Observe = """
        ([selector, pattern]) => {
          const match = pattern ? new RegExp(pattern) : null;
          const read = () => {
            const text = document.querySelector(selector)?.textContent.trim();
            return text === undefined || match === null ? text : text.match(match)?.[0];
          };
          const load = { last: read(), changes: [] };
          window.__ocLoad = load;
          new MutationObserver(() => {
            const now = read();
            if (now !== undefined && now !== load.last) {
              load.changes.push({ state: now, at: performance.timeOrigin + performance.now() });
              load.last = now;
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    private const int PollMilliseconds = 50;

    private readonly IReadOnlyList<IPage> _pages;

    private PageChanges(IReadOnlyList<IPage> pages) => _pages = pages;

    /// <summary>Starts watching each page's first <paramref name="selector"/> (its text, or the first match of <paramref name="pattern"/> in it).</summary>
    public static async Task<PageChanges> ObserveAsync(IReadOnlyList<IPage> pages, string selector, string? pattern = null)
    {
        await Task.WhenAll(pages.Select(p => p.EvaluateAsync(Observe, new[] { selector, pattern })));
        return new PageChanges(pages);
    }

    /// <summary>
    /// Waits <paramref name="spacing"/>, then until every page has shown its <paramref name="n"/>th change; false when one
    /// has not within the timeout.
    /// </summary>
    public async Task<bool> AllShownAsync(int n, TimeSpan spacing, TimeSpan timeout, TextWriter log)
    {
        await Task.Delay(spacing);
        var start = Stopwatch.GetTimestamp();
        var waiting = _pages;
        while (true)
        {
            var counts = await Task.WhenAll(waiting.Select(p => p.EvaluateAsync<int>("() => window.__ocLoad.changes.length")));
            waiting = [.. waiting.Where((_, i) => counts[i] < n)];
            if (waiting.Count == 0)
            {
                return true;
            }

            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                log.WriteLine($"  ! {waiting.Count} pages had not shown change {n} within {timeout.TotalSeconds:0} s; going on (counted as lost)");
                return false;
            }

            await Task.Delay(PollMilliseconds);
        }
    }

    /// <summary>
    /// Milliseconds from each change in [from, to) (its start on the wall clock, the value pages must show) to each page
    /// showing it, and how many changes pages never showed (or showed another value for).
    /// </summary>
    public async Task<(List<double> Milliseconds, int Lost)> ShownAsync(IReadOnlyList<(double StartEpochMs, string Shows)> changes, int from, int to)
    {
        var milliseconds = new List<double>();
        var lost = 0;
        foreach (var page in _pages)
        {
            var shown = await page.EvaluateAsync<JsonElement>("() => window.__ocLoad.changes");
            for (var i = from; i < to; i++)
            {
                if (i < shown.GetArrayLength() && shown[i] is var change && change.GetProperty("state").GetString() == changes[i].Shows)
                {
                    milliseconds.Add(change.GetProperty("at").GetDouble() - changes[i].StartEpochMs);
                }
                else
                {
                    lost++;
                }
            }
        }

        return (milliseconds, lost);
    }
}
