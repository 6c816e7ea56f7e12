using System.Diagnostics;
using Microsoft.Playwright;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Note → M watchers (issue 14): M static pages of one incident held by the demo Viewer, each live over the hub
/// (js/incident-watch.js refreshes the page on every change of the incident). Notes are added through the API one after
/// another, each a spacing after the last and once every page showed it; each page notes when the new note's row is first in its timeline
/// (<see cref="PageChanges"/>). The server's CPU per note divided by M is what one watcher costs a change. Then, without
/// Chromium, the same page fetched by M concurrent GETs with the Viewer's cookie, as the script's refresh asks for it:
/// the CPU of one static render.
/// </summary>
internal static class WatchersScenario
{
    private const string FirstRow = "[data-testid=timeline-entry]";
    private const string NotePattern = @"watch note \d+";
    private const int WarmUpNotes = 2;
    private const int QuietRound = 10;
    private const int RenderRounds = 10;

    public static async Task<IReadOnlyList<Figure>> RunAsync(LoadConsole console, LoadBrowser browser, LoadOptions options, int count, TextWriter log)
    {
        log.WriteLine($"note → {count} watchers (static incident pages, Viewer)");
        var incidentId = await console.OpenIncidentAsync($"Load tool: {count} watchers");
        var path = $"/incidents/{incidentId}";
        var context = await browser.SignedInAsync(console.Host.BaseAddress, "viewer", "demo-viewer");
        await using var _ = context;
        var pages = await browser.OpenAsync(context, path, "[data-testid=timeline]", count, log, LoadBrowser.WatchLive);
        var shown = await PageChanges.ObserveAsync(pages, FirstRow, NotePattern);

        var notes = new List<(double StartEpochMs, string Shows)>();
        // Warm-up notes are not measured, so they need no spacing.
        async Task NoteAndWaitAsync(TimeSpan spacing)
        {
            var text = $"watch note {notes.Count + 1}";
            notes.Add((await console.AddNoteAsync(incidentId, text), text));
            await shown.AllShownAsync(notes.Count, spacing, options.StepTimeout, log);
        }

        await JitWarmUp.RunAsync(() => NoteAndWaitAsync(TimeSpan.Zero), WarmUpNotes, QuietRound, options.WarmUp, log);
        var warmUpNotes = notes.Count;
        // The page's own GETs (the script's refreshes), to tell renders per watcher per note from the rest of the cost.
        var renders = 0;
        var pageUrl = new Uri(console.Host.BaseAddress, path).ToString();
        context.Request += (_, request) =>
        {
            if (request.Url == pageUrl)
            {
                Interlocked.Increment(ref renders);
            }
        };
        var cpu = HostCpu.Start();
        for (var i = 0; i < options.PageFlips; i++)
        {
            await NoteAndWaitAsync(options.ChangeSpacing);
        }

        var (cpuPerNote, jitted) = (cpu.MillisecondsPer(options.PageFlips), cpu.MethodsJitted);
        var (measured, lost) = await shown.ShownAsync(notes, warmUpNotes, notes.Count);
        var delivery = new Figure($"watchers-{count}", $"note → {count} watchers (static incident page, Viewer; in-page MutationObserver)", "(report)")
        {
            Latency = Latency.Of(measured), Lost = lost,
            Note = $"server CPU {cpuPerNote:0.##} ms per note, {cpuPerNote / count:0.###} ms per watcher per note; {renders / (double)(options.PageFlips * count):0.##} page renders per watcher per note; {jitted:N0} methods JIT-compiled meanwhile; "
                + $"after {warmUpNotes} uncounted warm-up notes",
        };
        return [delivery, await StaticRenderAsync(console, context, path, count)];
    }

    /// <summary>Rounds of <paramref name="concurrent"/> GETs of the page as the watch script's refresh makes them.</summary>
    private static async Task<Figure> StaticRenderAsync(LoadConsole console, IBrowserContext context, string path, int concurrent)
    {
        var cookies = string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
        using var http = new HttpClient { BaseAddress = console.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        async Task<double> GetAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookies);
            request.Headers.Add("Accept", "text/html; blazor-enhanced-nav=on");
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await LoadConsole.EnsureAsync(response, "render the static incident page");
            await response.Content.ReadAsByteArrayAsync();
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => GetAsync()));
        var cpu = HostCpu.Start();
        var times = new List<double>();
        for (var round = 0; round < RenderRounds; round++)
        {
            times.AddRange(await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => GetAsync())));
        }

        return new Figure($"watcher-render-{concurrent}", $"static incident page as a Viewer, {concurrent} concurrent GETs (no Chromium)", "(report)")
        {
            Latency = Latency.Of(times),
            Note = $"server CPU {cpu.MillisecondsPer(times.Count):0.###} ms per GET (the HTTP client shares the process); {cpu.MethodsJitted:N0} methods JIT-compiled meanwhile",
        };
    }
}
