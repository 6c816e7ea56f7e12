using System.Diagnostics;
using System.Net.Http.Json;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Acknowledged durable writes through the API: W writers each adding incident notes back to back for a fixed time;
/// only 2xx answers count. The CPU time per note is the process's (the host and the writers share it), steadier than the
/// rate on a loaded machine. Also the data file's growth per 10,000 notes.
/// </summary>
internal static class WriteScenario
{
    /// <summary>
    /// Uncounted writing first, as the hub and pages parts flip first: without it the first window measured the JIT
    /// recompiling the write path (three 10 s windows at 32 writers in one fresh process read 621, 1,304 and 1,828 per s).
    /// </summary>
    private static readonly TimeSpan WarmUpRound = TimeSpan.FromSeconds(1);

    private const int QuietRound = 10;

    public static async Task<IReadOnlyList<Figure>> RunAsync(LoadConsole console, LoadOptions options, TextWriter log)
    {
        var incidentId = await console.OpenIncidentAsync("Load tool: notes");
        log.WriteLine("acknowledged writes: warm-up (not counted)");
        await JitWarmUp.RunAsync(() => WriteAsync(console, incidentId, options.Writers.Max(), WarmUpRound), 1, QuietRound, options.WarmUp, log);
        var sizeBefore = new FileInfo(console.Host.DataFile).Length;
        var figures = new List<Figure>();
        var notes = 0L;
        foreach (var writers in options.Writers)
        {
            log.WriteLine($"acknowledged writes: {writers} writers for {options.WriteSeconds} s");
            var cpu = HostCpu.Start();
            var (acknowledged, refused, seconds) = await WriteAsync(console, incidentId, writers, TimeSpan.FromSeconds(options.WriteSeconds));
            var cpuPerNote = cpu.MillisecondsPer((int)acknowledged);
            notes += acknowledged;
            var perSecond = acknowledged / seconds;
            figures.Add(new Figure($"writes-{writers}", $"acknowledged notes/s, {writers} writer{(writers == 1 ? "" : "s")}", writers >= 32 ? "≥ 2,000 per s" : "(report)")
            {
                Value = perSecond, Unit = "per s", Lost = (int)refused, Met = writers >= 32 ? perSecond >= 2_000 && refused == 0 : null,
                Note = $"{acknowledged:N0} acknowledged; {cpuPerNote:0.00} ms CPU per note (host and writers, one process)",
            });
        }

        var growth = new FileInfo(console.Host.DataFile).Length - sizeBefore;
        figures.Add(new Figure("data-file", "data file growth per 10,000 notes", "(report)")
        {
            Value = notes == 0 ? null : growth / (double)notes * 10_000 / 1e6, Unit = "MB",
            NotMeasured = notes == 0 ? "no note was acknowledged" : null,
        });
        return figures;
    }

    private static async Task<(long Acknowledged, long Refused, double Seconds)> WriteAsync(LoadConsole console, string incidentId, int writers, TimeSpan duration)
    {
        long acknowledged = 0, refused = 0;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            for (var n = 0; Stopwatch.GetElapsedTime(start) < duration; n++)
            {
                using var response = await console.Api.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text = $"writer {w} note {n}" });
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref acknowledged : ref refused);
            }
        }));
        return (acknowledged, refused, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }
}
