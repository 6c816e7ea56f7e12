using System.Globalization;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// What the client process runs: N hub clients (push or read-back) or N ETag pollers against a console. Hub clients are
/// spread over the console's instances in turn (client i on instance i mod the count); pollers use the first.
/// </summary>
internal sealed record FleetSpec(IReadOnlyList<Uri> Urls, string ApiKey, FleetMode Mode, int Clients, int IntervalMs, int Batch, int TimeoutSeconds)
{
    public Uri Url => Urls[0];

    public Uri UrlOf(int client) => Urls[client % Urls.Count];

    public string[] ToArgs() =>
    [
        string.Join(',', Urls), ApiKey, Mode.ToString(), Text(Clients), Text(IntervalMs), Text(Batch), Text(TimeoutSeconds),
    ];

    public static FleetSpec Parse(IReadOnlyList<string> args) =>
        args.Count == 7
            ? new([.. args[0].Split(',').Select(u => new Uri(u))], args[1], Enum.Parse<FleetMode>(args[2]), Number(args[3]), Number(args[4]), Number(args[5]), Number(args[6]))
            : throw new ArgumentException("load-clients takes: url[,url…] api-key Push|ReadBack|Poll clients interval-ms batch timeout-s");

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
