using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// A change watched in open pages, measured in each page (pages and watchers parts): a MutationObserver notes, on the wall
/// clock (performance.timeOrigin + performance.now()), each new value read from the first element matching a selector
/// (its text, or the part of it matching a pattern); the change's start is taken on the same machine's wall clock. Each
/// page tells the tool through a function exposed to its context when it has shown a change, so the tool can wait until
/// every page has before the next change (one pending Playwright call per page per change cost this process, whose CPU
/// counts as the server's, ~9 % of its samples in a profile: rig work).
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
              window.__ocShown(load.changes.length);
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    private readonly ConcurrentDictionary<int, Showing> _changes = new();
    private readonly int _pages;

    private PageChanges(int pages) => _pages = pages;

    /// <summary>Exposes the telling function to <paramref name="context"/>; call before its pages open.</summary>
    public static async Task<PageChanges> ExposeAsync(IBrowserContext context, int pages)
    {
        var changes = new PageChanges(pages);
        await context.ExposeFunctionAsync<int>("__ocShown", n => changes.Of(n).Saw(pages));
        return changes;
    }

    /// <summary>Starts watching each page's first <paramref name="selector"/> (its text, or the first match of <paramref name="pattern"/> in it).</summary>
    public Task ObserveAsync(IEnumerable<IPage> pages, string selector, string? pattern = null) =>
        Task.WhenAll(pages.Select(p => p.EvaluateAsync(Observe, new[] { selector, pattern })));

    /// <summary>Waits until every page has shown its <paramref name="n"/>th change; false when one has not within the timeout.</summary>
    public async Task<bool> AllShownAsync(int n, TimeSpan timeout, TextWriter log)
    {
        try
        {
            await Of(n).All.Task.WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            log.WriteLine($"  ! not every page showed change {n} within {timeout.TotalSeconds:0} s; going on (counted as lost)");
            return false;
        }
    }

    /// <summary>
    /// Milliseconds from each change in [from, to) (its start on the wall clock, the value pages must show) to each page
    /// showing it, and how many changes pages never showed (or showed another value for).
    /// </summary>
    public static async Task<(List<double> Milliseconds, int Lost)> ShownAsync(IEnumerable<IPage> pages, IReadOnlyList<(double StartEpochMs, string Shows)> changes, int from, int to)
    {
        var milliseconds = new List<double>();
        var lost = 0;
        foreach (var page in pages)
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

    private Showing Of(int n) => _changes.GetOrAdd(n, _ => new Showing());

    private sealed class Showing
    {
        private int _pages;

        public TaskCompletionSource All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Saw(int pages)
        {
            if (Interlocked.Increment(ref _pages) == pages)
            {
                All.TrySetResult();
            }
        }
    }
}
