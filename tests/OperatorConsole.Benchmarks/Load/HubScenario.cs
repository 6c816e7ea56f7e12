using System.Diagnostics;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Flip → N hub clients: back-to-back flips (each waits until every client saw the previous one), then a paced window
/// (one flip per <see cref="PacedSpacing"/>) over which the server's CPU is taken for the comparison with polling;
/// then the read-back pattern over its own set of clients.
/// </summary>
internal static class HubScenario
{
    public static readonly TimeSpan PacedSpacing = TimeSpan.FromSeconds(1.5);
    private const int WarmUpFlips = 20;
    private const int QuietRound = 10;

    public static async Task<IReadOnlyList<Figure>> RunAsync(LoadConsole console, LoadOptions options, int clients, TextWriter log)
    {
        var target = clients >= 1_000 ? "p99 ≤ 50 ms, none lost" : "(report)";
        log.WriteLine($"flip → {clients} hub clients: connecting");
        var flips = new List<Flip>();
        double cpu;
        FleetResult result;
        using (var fleet = await ClientFleetProcess.StartAsync(Spec(console, options, FleetMode.Push, clients)))
        {
            await JitWarmUp.RunAsync(async () => await fleet.AllSawAsync((await console.FlipAsync()).Version, options.StepTimeout, log),
                WarmUpFlips, QuietRound, options.WarmUp, log);
            log.WriteLine($"  {clients} connected; {options.Flips} flips");
            var flipCpu = HostCpu.Start();
            var clientCpu = fleet.ProcessorTime;
            flips.AddRange(await FlipsAsync(console, fleet, options.Flips, options.StepTimeout, log));

            var cpuPerFlip = flipCpu.MillisecondsPer(flips.Count);
            var clientCpuPerFlip = (fleet.ProcessorTime - clientCpu).TotalMilliseconds / Math.Max(1, flips.Count);
            log.WriteLine($"  paced window: a flip every {PacedSpacing.TotalSeconds} s for {options.PollWindowSeconds} s (server CPU)");
            var paced = await PacedAsync(console, fleet, options, PacedSpacing, log);
            cpu = paced.CpuPercent;
            var jitted = paced.MethodsJitted;
            result = await fleet.StopAsync(options.StepTimeout);
            var all = Deliveries.Of(result, [.. flips, .. paced.Flips], exact: true);
            var measured = Deliveries.Of(result, flips, exact: true);
            var figures = new List<Figure>
            {
                new($"hub-event-{clients}", $"flip → {clients:N0} hub clients (event receipt)", target)
                {
                    Latency = measured.Latency, Lost = all.Missing, Met = clients >= 1_000 ? measured.Latency?.P99 <= 50 && all.Missing == 0 : null,
                    Note = $"server CPU {cpuPerFlip:0.##} ms per flip (the clients' process {clientCpuPerFlip:0.##} ms); {flipCpu.MethodsJitted:N0} methods JIT-compiled meanwhile",
                },
                result.StateCarried
                    ? new($"hub-state-{clients}", $"flip → {clients:N0} hub clients (event carrying the new state)", target)
                    {
                        Latency = measured.Latency, Lost = all.Missing, Met = clients >= 1_000 ? measured.Latency?.P99 <= 50 && all.Missing == 0 : null,
                    }
                    : new($"hub-state-{clients}", $"flip → {clients:N0} hub clients (event carrying the new state)", target)
                    {
                        NotMeasured = "this build's events carry no state; the read-back row is the documented pattern",
                    },
                new($"hub-cpu-{clients}", $"server CPU, {clients:N0} hub clients, a flip every {PacedSpacing.TotalSeconds} s", "(compare with polling)")
                {
                    Value = cpu, Unit = "% of a core", Note = $"{jitted:N0} methods JIT-compiled over the window",
                },
            };
            figures.Add(await ReadBackAsync(console, options, clients, log));
            return figures;
        }
    }

    /// <summary>Flips back to back, each once every client has seen the one before (or the step timed out).</summary>
    public static async Task<List<Flip>> FlipsAsync(LoadConsole console, ClientFleetProcess fleet, int count, TimeSpan timeout, TextWriter log)
    {
        var flips = new List<Flip>(count);
        for (var i = 0; i < count; i++)
        {
            var flip = await console.FlipAsync();
            flips.Add(flip);
            await fleet.AllSawAsync(flip.Version, timeout, log);
        }

        return flips;
    }

    /// <summary>Flips one per <paramref name="spacing"/> for the polling window, waiting for each to reach everyone.</summary>
    public static async Task<(List<Flip> Flips, double CpuPercent, long MethodsJitted)> PacedAsync(
        LoadConsole console, ClientFleetProcess fleet, LoadOptions options, TimeSpan spacing, TextWriter log)
    {
        var count = Math.Max(2, (int)(options.PollWindowSeconds / spacing.TotalSeconds));
        var flips = new List<Flip>();
        var cpu = HostCpu.Start();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = spacing * i - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var flip = await console.FlipAsync();
            flips.Add(flip);
            await fleet.AllSawAsync(flip.Version, spacing + options.StepTimeout, log);
        }

        // The window closes one spacing after the last flip, so every flip is followed by the same quiet time.
        var rest = spacing * count - Stopwatch.GetElapsedTime(start);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        return (flips, cpu.PercentOfOneCore(), cpu.MethodsJitted);
    }

    public static FleetSpec Spec(LoadConsole console, LoadOptions options, FleetMode mode, int clients, int intervalMs = 0) =>
        new([.. console.Hosts.Select(h => h.BaseAddress)], console.ApiKey, mode, clients, intervalMs, options.ConnectBatch, (int)options.StepTimeout.TotalSeconds);

    // The pattern earlier builds documented, for comparison: the target is for the one documented now (the event's own state).
    private static async Task<Figure> ReadBackAsync(LoadConsole console, LoadOptions options, int clients, TextWriter log)
    {
        log.WriteLine($"  read-back pattern (event, then GetKillSwitches): {clients} clients, {options.ReadBackFlips} flips");
        using var fleet = await ClientFleetProcess.StartAsync(Spec(console, options, FleetMode.ReadBack, clients));
        var flips = await FlipsAsync(console, fleet, options.ReadBackFlips, options.StepTimeout, log);
        var deliveries = Deliveries.Of(await fleet.StopAsync(options.StepTimeout), flips, exact: true);
        return new Figure($"hub-readback-{clients}", $"flip → {clients:N0} hub clients, the earlier pattern (event, then GetKillSwitches)", "(report)")
        {
            Latency = deliveries.Latency, Lost = deliveries.Missing,
        };
    }
}
