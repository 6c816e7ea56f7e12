namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Flip → M open kill-switch pages, measured in the page when the switch's state chip changes (<see cref="PageChanges"/>).
/// Each flip waits its spacing, then until every page showed it.
/// Warm-up flips go first and are not counted (<see cref="JitWarmUp"/>).
/// </summary>
internal static class PagesScenario
{
    private const string StateChip = $"[data-testid=kill-switch-state][data-switch=\"{LoadConsole.SwitchId}\"]";

    /// <summary>
    /// Unmeasured flips per warm-up round. The first flips after the pages opened pay one-time costs: the JIT compiling
    /// the flip's path, and recompiling (on one background thread, on the same loaded cores) what opening the pages ran
    /// often; at 10 pages they made the whole tail. As in the hub part, rounds go on until one compiles (almost) nothing.
    /// </summary>
    private const int WarmUpFlips = 2;

    private const int QuietRound = 10;

    private const int IdleSpacings = 3;

    public static async Task<Figure> RunAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, int count, TextWriter log)
    {
        log.WriteLine($"flip → {count} Chromium pages");
        var context = await browser.SignedInAsync(console.Host.BaseAddress);
        await using var _ = context;
        var pages = await browser.OpenAsync(context, "/kill-switches", StateChip, count, log);
        var shown = await PageChanges.ObserveAsync(pages, StateChip);
        var flips = new List<Flip>();
        await JitWarmUp.RunAsync(async () => flips.Add(await FlipAndWaitAsync(console, shown, flips.Count + 1, TimeSpan.Zero, options, log)),
            WarmUpFlips, QuietRound, options.WarmUp, log);
        var warmUpFlips = flips.Count;

        // Spaced flips leave the pages idle most of each spacing: what host and pages take idle over one spacing is
        // measured first (once the last warm-up flip's work is done) and given beside the flips' figures.
        await Task.Delay(options.ChangeSpacing);
        var (idleCpu, idleBrowserCpu) = (HostCpu.Start(), BrowserCpu.Start());
        await Task.Delay(options.ChangeSpacing * IdleSpacings);
        var (idleHost, idleBrowser) = (idleCpu.MillisecondsPer(IdleSpacings), idleBrowserCpu.MillisecondsPer(IdleSpacings));

        var cpu = HostCpu.Start();
        var browserCpu = BrowserCpu.Start();
        for (var i = 0; i < options.PageFlips; i++)
        {
            flips.Add(await FlipAndWaitAsync(console, shown, flips.Count + 1, options.ChangeSpacing, options, log));
        }

        var (cpuPerFlip, jitted) = (cpu.MillisecondsPer(options.PageFlips), cpu.MethodsJitted);
        var browserPerFlip = browserCpu.MillisecondsPer(options.PageFlips);
        var changes = flips.Select(f => (f.StartEpochMs, f.On ? "ON" : "off")).ToList();
        var (measured, lost) = await shown.ShownAsync(changes, warmUpFlips, flips.Count);
        var (first, firstLost) = await shown.ShownAsync(changes, 0, Math.Min(options.PageFlips, flips.Count));
        var latency = Latency.Of(measured);
        return new Figure($"pages-{count}", $"flip → {count} open Blazor pages (in-page MutationObserver)", count >= 50 ? "p99 ≤ 250 ms" : "(report)")
        {
            Latency = latency, Lost = lost, Met = count >= 50 ? latency?.P99 <= 250 && lost == 0 : null,
            Note = $"over each flip's {options.ChangeSpacing.TotalMilliseconds:0} ms spacing: server CPU {cpuPerFlip:0.##} ms, {BrowserCpu.Describe(browserPerFlip)} "
                + $"(idle over the same time: {idleHost:0.##} ms, {BrowserCpu.Describe(idleBrowser)}); {jitted:N0} methods JIT-compiled meanwhile; after {warmUpFlips} uncounted warm-up flips; "
                + $"the first {options.PageFlips} flips after the pages opened, as counted before: {Latency.Of(first)}, {firstLost} lost",
        };
    }

    // Warm-up flips are not measured, so they need no spacing.
    private static async Task<Flip> FlipAndWaitAsync(LoadConsole console, PageChanges shown, int n, TimeSpan spacing, LoadOptions options, TextWriter log)
    {
        var flip = await console.FlipAsync();
        await shown.AllShownAsync(n, spacing, options.StepTimeout, log);
        return flip;
    }
}
