using System.Globalization;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// What one load run measures and at which sizes. The defaults are the issue's sizes; <c>--quick</c> is a smaller
/// profile for a first look; <c>--scale-out</c> measures the scale-out comparison alone; every size can be set on the
/// command line (e.g. <c>--clients 100,1000 --pages 10</c>).
/// </summary>
public sealed record LoadOptions
{
    public IReadOnlyList<int> Clients { get; init; } = [100, 1_000];

    /// <summary>Flips measured per client count; the issue asks for at least 200.</summary>
    public int Flips { get; init; } = 200;

    /// <summary>Flips measured with the read-back pattern (event, then GetKillSwitches).</summary>
    public int ReadBackFlips { get; init; } = 50;

    public IReadOnlyList<int> PollIntervalsSeconds { get; init; } = [1, 15];

    /// <summary>How long each polling window (and the push window it is compared with) lasts at least.</summary>
    public int PollWindowSeconds { get; init; } = 30;

    public IReadOnlyList<int> Pages { get; init; } = [10, 25, 50];

    public int PageFlips { get; init; } = 20;

    /// <summary>
    /// Time from one flip (pages part) or note (watchers part) to the next at least: pages are asked whether they showed
    /// it only then, so the asking is not measured, and each change finds the pages done with the one before.
    /// </summary>
    public TimeSpan ChangeSpacing { get; init; } = TimeSpan.FromSeconds(1);

    public int Circuits { get; init; } = 50;

    /// <summary>Static incident pages held by the Viewer, per run of the watchers part; each takes --page-flips notes.</summary>
    public IReadOnlyList<int> Watchers { get; init; } = [10, 50];

    /// <summary>
    /// The page whose idle circuits are weighed; another page (e.g. one with little on it) shows what the shell and
    /// Blazor itself cost per circuit.
    /// </summary>
    public string CircuitPage { get; init; } = "incident";

    public IReadOnlyList<int> Writers { get; init; } = [1, 8, 32];

    public int WriteSeconds { get; init; } = 10;

    public int TimelineEntries { get; init; } = 10_000;

    public int TimelineLoads { get; init; } = 10;

    /// <summary>Longest warm-up before the hub parts measure (flips until the JIT goes quiet; see HubScenario).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Hub clients connect this many at a time, so two cores are not asked for a thousand handshakes at once.</summary>
    public int ConnectBatch { get; init; } = 50;

    /// <summary>Longest wait for any one step (a batch of connections, every client seeing a flip, a page loading).</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public string OutputFolder { get; init; } = "load-results";

    /// <summary>
    /// Runs only the scale-out comparison instead: flip → hub clients on one instance over LiteDB, one over PostgreSQL,
    /// and two over PostgreSQL + Redis with the clients spread over both (sizes from --clients and --flips).
    /// </summary>
    public bool ScaleOut { get; init; }

    /// <summary>The parts to run (all by default): <c>--parts hub,pages</c> measures only those, e.g. before and after a change.</summary>
    public IReadOnlySet<string> Parts { get; init; } = AllParts;

    public static readonly IReadOnlySet<string> AllParts = new HashSet<string>(["hub", "polling", "pages", "watchers", "memory", "timeline", "writes"], StringComparer.Ordinal);

    public bool Runs(string part) => Parts.Contains(part);

    public static LoadOptions Quick { get; } = new()
    {
        Clients = [100],
        Flips = 50,
        ReadBackFlips = 20,
        PollIntervalsSeconds = [1, 15],
        PollWindowSeconds = 10,
        Pages = [10],
        PageFlips = 5,
        Circuits = 10,
        Watchers = [10],
        Writers = [1, 8, 32],
        WriteSeconds = 3,
        TimelineLoads = 3,
    };

    public const string Usage = """
        load [--quick] [--scale-out] [--clients 100,1000] [--flips 200] [--readback-flips 50] [--poll-intervals 1,15] [--poll-window 30]
             [--pages 10,25,50] [--page-flips 20] [--change-spacing 1000] [--watchers 10,50] [--circuits 50] [--circuit-page incident|/path] [--writers 1,8,32] [--write-seconds 10]
             [--timeline-entries 10000] [--timeline-loads 10] [--connect-batch 50] [--step-timeout 60] [--out load-results]
             [--parts hub,polling,pages,watchers,memory,timeline,writes] [--warm-up 60]
        """;

    /// <summary>Reads the options; --quick first sets the small profile, later options override it.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = (args.Contains("--quick") ? Quick : new LoadOptions()) with { ScaleOut = args.Contains("--scale-out") };
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--quick" or "--scale-out")
            {
                continue;
            }

            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--clients" => options with { Clients = List(name, value) },
                "--flips" => options with { Flips = Number(name, value) },
                "--readback-flips" => options with { ReadBackFlips = Number(name, value) },
                "--poll-intervals" => options with { PollIntervalsSeconds = List(name, value) },
                "--poll-window" => options with { PollWindowSeconds = Number(name, value) },
                "--pages" => options with { Pages = List(name, value) },
                "--page-flips" => options with { PageFlips = Number(name, value) },
                "--change-spacing" => options with { ChangeSpacing = TimeSpan.FromMilliseconds(Number(name, value)) },
                "--watchers" => options with { Watchers = List(name, value) },
                "--circuits" => options with { Circuits = Number(name, value) },
                "--circuit-page" => options with { CircuitPage = value },
                "--writers" => options with { Writers = List(name, value) },
                "--write-seconds" => options with { WriteSeconds = Number(name, value) },
                "--timeline-entries" => options with { TimelineEntries = Number(name, value) },
                "--timeline-loads" => options with { TimelineLoads = Number(name, value) },
                "--connect-batch" => options with { ConnectBatch = Number(name, value) },
                "--step-timeout" => options with { StepTimeout = TimeSpan.FromSeconds(Number(name, value)) },
                "--out" => options with { OutputFolder = value },
                "--parts" => options with { Parts = PartList(value) },
                "--warm-up" => options with { WarmUp = TimeSpan.FromSeconds(Number(name, value)) },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        return options;
    }

    private static int Number(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} takes a positive whole number, not '{value}'.");

    private static HashSet<string> PartList(string value)
    {
        var parts = value.Split(',').Select(p => p.Trim()).ToHashSet(StringComparer.Ordinal);
        return parts.FirstOrDefault(p => !AllParts.Contains(p)) is { } unknown
            ? throw new ArgumentException($"--parts takes {string.Join(",", AllParts)}, not '{unknown}'.")
            : parts;
    }

    private static int[] List(string name, string value) => [.. value.Split(',').Select(v => Number(name, v.Trim()))];
}
