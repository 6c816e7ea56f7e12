namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// The same N clients polling the kill-switch snapshot with If-None-Match: flips a little more than one interval apart
/// over the window, detection latency per client and flip, and the server's CPU over the window.
/// </summary>
internal static class PollingScenario
{
    public static async Task<Figure> RunAsync(LoadConsole console, LoadOptions options, int clients, int intervalSeconds, TextWriter log)
    {
        log.WriteLine($"{clients} clients polling every {intervalSeconds} s with ETag");
        var spacing = TimeSpan.FromSeconds(intervalSeconds + 0.5);
        using var fleet = await ClientFleetProcess.StartAsync(HubScenario.Spec(console, options, FleetMode.Poll, clients, intervalSeconds * 1_000));
        var windowOptions = options with { PollWindowSeconds = Math.Max(options.PollWindowSeconds, (int)(2 * spacing.TotalSeconds)) };
        var (flips, cpu, _) = await HubScenario.PacedAsync(console, fleet, windowOptions, spacing, log);
        var result = await fleet.StopAsync(options.StepTimeout);
        var deliveries = Deliveries.Of(result, flips, exact: false);
        return new Figure($"poll-{intervalSeconds}s-{clients}", $"{intervalSeconds} s ETag polling, {clients:N0} clients (detection)", "(baseline)")
        {
            Latency = deliveries.Latency,
            Lost = deliveries.Missing,
            Value = cpu,
            Unit = "% of a core",
            Note = $"server CPU {cpu:0.#} % of a core; {result.Requests:N0} polls ({result.NotModified:N0} × 304), {result.BodyBytes / 1e6:0.#} MB of bodies, {result.Errors} errors",
        };
    }

    /// <summary>Push against the fastest polling: how many times faster (p50 and p99) and the CPU each took.</summary>
    public static Figure Ratio(int clients, Figure push, Figure pushCpu, Figure polling)
    {
        if (push.Latency is not { } p || polling.Latency is not { } q || pushCpu.Value is not { } pushPercent || polling.Value is not { } pollPercent)
        {
            return new Figure($"ratio-{clients}", $"push : polling, {clients:N0} clients", "≥ 10× faster at lower CPU") { NotMeasured = "a side has no figure" };
        }

        var faster = q.P50 / Math.Max(p.P50, 0.001);
        return new Figure($"ratio-{clients}", $"push : {polling.Key.Split('-')[1]} polling, {clients:N0} clients", "≥ 10× faster at lower CPU")
        {
            Value = faster,
            Unit = "× faster (p50)",
            Met = faster >= 10 && pushPercent < pollPercent,
            Note = $"p99 {q.P99 / Math.Max(p.P99, 0.001):0.#}× faster; server CPU {pushPercent:0.#} % (push) vs {pollPercent:0.#} % (polling) of a core",
        };
    }
}
