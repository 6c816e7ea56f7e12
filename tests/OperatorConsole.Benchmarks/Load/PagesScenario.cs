using System.Text.Json;
using Microsoft.Playwright;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Flip → M open kill-switch pages, measured in the page: a MutationObserver notes (on the wall clock,
/// performance.timeOrigin + performance.now()) when the switch's state chip changes; the flip's start is taken on the
/// same machine's wall clock. Each flip waits until every page showed it (each page tells through an exposed function).
/// Warm-up flips go first and are not counted (<see cref="JitWarmUp"/>).
/// </summary>
internal static class PagesScenario
{
    private const string StateChip = $"[data-testid=kill-switch-state][data-switch=\"{LoadConsole.SwitchId}\"]";

    private const string Observe = """
        selector => {
          const read = () => document.querySelector(selector)?.textContent.trim();
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

    /// <summary>
    /// Unmeasured flips per warm-up round. The first flips after the pages opened pay one-time costs: the JIT compiling
    /// the flip's path, and recompiling (on one background thread, on the same loaded cores) what opening the pages ran
    /// often; at 10 pages they made the whole tail. As in the hub part, rounds go on until one compiles (almost) nothing.
    /// </summary>
    private const int WarmUpFlips = 2;

    private const int QuietRound = 10;

    public static async Task<Figure> RunAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, int count, TextWriter log)
    {
        log.WriteLine($"flip → {count} Chromium pages");
        var context = await browser.SignedInAsync(console.Host.BaseAddress);
        await using var _ = context;
        var shown = new PagesShown(count);
        await context.ExposeFunctionAsync<int>("__ocShown", shown.Saw);
        var pages = await browser.OpenAsync(context, "/kill-switches", StateChip, count, log);
        await Task.WhenAll(pages.Select(p => p.EvaluateAsync(Observe, StateChip)));
        var flips = new List<Flip>();
        await JitWarmUp.RunAsync(async () => flips.Add(await FlipAndWaitAsync(console, shown, flips.Count + 1, options, log)),
            WarmUpFlips, QuietRound, options.WarmUp, log);
        var warmUpFlips = flips.Count;

        var cpu = HostCpu.Start();
        for (var i = 0; i < options.PageFlips; i++)
        {
            flips.Add(await FlipAndWaitAsync(console, shown, flips.Count + 1, options, log));
        }

        var (cpuPerFlip, jitted) = (cpu.MillisecondsPer(options.PageFlips), cpu.MethodsJitted);
        var (measured, lost) = await ShownAsync(pages, flips, warmUpFlips, flips.Count);
        var (first, firstLost) = await ShownAsync(pages, flips, 0, Math.Min(options.PageFlips, flips.Count));
        var latency = Latency.Of(measured);
        return new Figure($"pages-{count}", $"flip → {count} open Blazor pages (in-page MutationObserver)", count >= 50 ? "p99 ≤ 250 ms" : "(report)")
        {
            Latency = latency, Lost = lost, Met = count >= 50 ? latency?.P99 <= 250 && lost == 0 : null,
            Note = $"server CPU {cpuPerFlip:0.##} ms per flip; {jitted:N0} methods JIT-compiled meanwhile; after {warmUpFlips} uncounted warm-up flips; "
                + $"the first {options.PageFlips} flips after the pages opened, as counted before: {Latency.Of(first)}, {firstLost} lost",
        };
    }

    private static async Task<Flip> FlipAndWaitAsync(LoadConsole console, PagesShown shown, int n, LoadOptions options, TextWriter log)
    {
        var flip = await console.FlipAsync();
        try
        {
            // Each page tells when it has shown the flip. Asking each page (one pending Playwright call per page per
            // flip) cost this process, whose CPU counts as the server's, ~9 % of its samples in a profile: rig work.
            await shown.AllAsync(n).WaitAsync(options.StepTimeout);
        }
        catch (TimeoutException)
        {
            log.WriteLine($"  ! not every page showed flip {n} within {options.StepTimeout.TotalSeconds:0} s; going on (counted as lost)");
        }

        return flip;
    }

    /// <summary>Milliseconds from each flip in [from, to) to each page showing it, and how many flips pages never showed.</summary>
    private static async Task<(List<double> Milliseconds, int Lost)> ShownAsync(List<IPage> pages, List<Flip> flips, int from, int to)
    {
        var milliseconds = new List<double>();
        var lost = 0;
        foreach (var page in pages)
        {
            var changes = await page.EvaluateAsync<JsonElement>("() => window.__ocLoad.changes");
            for (var i = from; i < to; i++)
            {
                var shown = i < changes.GetArrayLength() ? changes[i] : (JsonElement?)null;
                if (shown is { } change && change.GetProperty("state").GetString() == (flips[i].On ? "ON" : "off"))
                {
                    milliseconds.Add(change.GetProperty("at").GetDouble() - flips[i].StartEpochMs);
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
