using System.Globalization;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>What the client process runs: N hub clients (push or read-back) or N ETag pollers against one console.</summary>
internal sealed record FleetSpec(Uri Url, string ApiKey, FleetMode Mode, int Clients, int IntervalMs, int Batch, int TimeoutSeconds)
{
    public string[] ToArgs() =>
    [
        Url.ToString(), ApiKey, Mode.ToString(), Text(Clients), Text(IntervalMs), Text(Batch), Text(TimeoutSeconds),
    ];

    public static FleetSpec Parse(IReadOnlyList<string> args) =>
        args.Count == 7
            ? new(new Uri(args[0]), args[1], Enum.Parse<FleetMode>(args[2]), Number(args[3]), Number(args[4]), Number(args[5]), Number(args[6]))
            : throw new ArgumentException("load-clients takes: url api-key Push|ReadBack|Poll clients interval-ms batch timeout-s");

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static int Number(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}

internal enum FleetMode
{
    /// <summary>Hub clients that only note when each kill-switch event arrives.</summary>
    Push,

    /// <summary>Hub clients following the documented pattern: on each event, GetKillSwitches(last version seen).</summary>
    ReadBack,

    /// <summary>HTTP clients polling GET /api/kill-switches with If-None-Match every interval.</summary>
    Poll,
}

/// <summary>
/// What the client process reports: per client, each version it saw and when (Stopwatch ticks, comparable across
/// processes on one machine); for pollers, the traffic.
/// </summary>
internal sealed record FleetResult(long[][][] Seen, bool StateCarried, long Requests, long NotModified, long BodyBytes, long Errors);
