using OperatorConsole.Testing;
using OperatorConsole.Testing.PostgreSql;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// Flip → N hub clients on three set-ups, side by side: one instance over LiteDB, one over PostgreSQL, and two over
/// one PostgreSQL and one Redis with the clients spread half and half over them. Every flip goes through instance A's
/// API and waits until every client has it. PostgreSQL keeps fsync on, so a commit costs what it costs on a real server.
/// Each set-up gets a fresh store (a new LiteDB file or database); the two instances share the checkpoint key and log.
/// </summary>
internal static class ScaleOutScenario
{
    /// <summary>Flips before the measured ones (a fresh host's first requests pay for JIT and pools); checked, not timed.</summary>
    private const int WarmUpFlips = 3;

    private static readonly Topology[] Topologies =
    [
        new("scale-litedb", "one instance, LiteDB", Instances: 1, Postgres: false, Redis: false),
        new("scale-postgres", "one instance, PostgreSQL", Instances: 1, Postgres: true, Redis: false),
        new("scale-two", "two instances (half the clients on each), PostgreSQL + Redis", Instances: 2, Postgres: true, Redis: true),
    ];

    public static async Task RunAsync(LoadOptions options, TextWriter log, Action<Figure> keep)
    {
        using var redis = new RedisServer();
        foreach (var clients in options.Clients)
        {
            foreach (var topology in Topologies)
            {
                keep(await MeasureAsync(topology, redis, options, clients, log));
            }
        }
    }

    private static async Task<Figure> MeasureAsync(Topology topology, RedisServer redis, LoadOptions options, int clients, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("oc-load-scale-out-").FullName;
        try
        {
            log.WriteLine($"flip → {clients} hub clients, {topology.Name}: starting, connecting");
            await using var console = await LoadConsole.StartAsync(topology.Instances, Settings(topology, redis, folder));
            using var fleet = await ClientFleetProcess.StartAsync(HubScenario.Spec(console, options, FleetMode.Push, clients));
            log.WriteLine($"  {clients} connected; {WarmUpFlips} warm-up and {options.Flips} measured flips through instance A");
            var warmUp = await HubScenario.FlipsAsync(console, fleet, WarmUpFlips, options.StepTimeout, log);
            var flips = await HubScenario.FlipsAsync(console, fleet, options.Flips, options.StepTimeout, log);
            var result = await fleet.StopAsync(options.StepTimeout);
            var all = Deliveries.Of(result, [.. warmUp, .. flips], exact: true);
            return new Figure($"{topology.Key}-{clients}", $"flip → {clients:N0} hub clients, {topology.Name}", "(compare)")
            {
                Latency = Deliveries.Of(result, flips, exact: true).Latency,
                Lost = all.Missing,
                Note = string.Join("; ", [Answered(flips), .. PerInstance(result, flips, topology.Instances)]),
            };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The flip's own share: from sending it to instance A's answer, i.e. the committed write.</summary>
    private static string Answered(IReadOnlyList<Flip> flips) =>
        Latency.Of(flips.Select(f => f.AnsweredMilliseconds)) is { } answered
            ? $"API answered p50 {answered.P50:0} ms, p99 {answered.P99:0} ms"
            : "no flip answered";

    /// <summary>With several instances, the latencies split by the instance each client was on (FleetSpec.UrlOf: i mod count).</summary>
    private static IEnumerable<string> PerInstance(FleetResult result, IReadOnlyList<Flip> flips, int instances) =>
        instances == 1
            ? []
            : Enumerable.Range(0, instances).Select(instance =>
            {
                var share = result with { Seen = [.. result.Seen.Where((_, client) => client % instances == instance)] };
                var latency = Deliveries.Of(share, flips, exact: true).Latency;
                return $"clients on {(char)('A' + instance)}: p50 {latency?.P50:0} ms, p99 {latency?.P99:0} ms";
            });

    private static List<(string Key, string Value)> Settings(Topology topology, RedisServer redis, string folder)
    {
        List<(string Key, string Value)> settings = [];
        if (topology.Postgres)
        {
            settings.Add(("Storage:Provider", "PostgreSQL"));
            settings.Add(("ConnectionStrings:Console", PostgresServer.Durable.CreateDatabase()));

            // Instances of one console seal one chain: they share the checkpoint key and log.
            settings.Add(("Ledger:CheckpointKeyFile", Path.Combine(folder, "checkpoint-key.pem")));
            settings.Add(("Ledger:CheckpointLogFile", Path.Combine(folder, "checkpoints.jsonl")));
        }

        if (topology.Redis)
        {
            settings.Add(("ConnectionStrings:Redis", redis.ConnectionString));
            settings.Add(("ScaleOut:ChannelPrefix", $"load-{Guid.NewGuid():N}"));
        }

        return settings;
    }

    private sealed record Topology(string Key, string Name, int Instances, bool Postgres, bool Redis);
}
