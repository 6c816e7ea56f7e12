using OperatorConsole.Benchmarks.Load;

namespace OperatorConsole.E2E.Performance;

/// <summary>
/// Keeps the load tool working: one run at tiny sizes through every part (hub clients, polling, Chromium pages,
/// watchers, circuits, timeline, writes), and one through the scale-out comparison. It asserts that every figure came out and
/// nothing was lost — never how fast.
/// </summary>
public sealed class LoadToolSmokeTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("oc-load-smoke-").FullName;

    private LoadOptions Tiny => new()
    {
        Clients = [3],
        Flips = 3,
        ReadBackFlips = 2,
        PollIntervalsSeconds = [1],
        PollWindowSeconds = 3,
        Pages = [2],
        PageFlips = 2,
        ChangeSpacing = TimeSpan.FromMilliseconds(100),
        Watchers = [2],
        Circuits = 2,
        Writers = [1, 2],
        WriteSeconds = 1,
        TimelineEntries = 200,
        TimelineLoads = 1,
        StepTimeout = TimeSpan.FromSeconds(90),
        WarmUp = TimeSpan.FromSeconds(1),
        OutputFolder = _output,
    };

    [Fact]
    public async Task Run_TinySizes_ProducesEveryFigureAndLosesNothing()
    {
        using var log = new StringWriter();

        var report = await LoadRunner.RunAsync(Tiny, log);
        var written = report.WriteTo(_output);

        string[] expected = ["hub-event-3", "hub-state-3", "hub-cpu-3", "hub-readback-3", "poll-1s-3", "ratio-3", "pages-2",
            "watchers-2", "watcher-render-2", "memory-per-watcher", "memory-per-watch-page", "memory-per-circuit", "timeline-first-row", "act-page-ready", "writes-1", "writes-2", "data-file"];
        Assert.Equal(expected.Order(), report.Figures.Select(f => f.Key).Order());

        // Only the pushed-state row may be absent, and only while this build's events carry no state.
        Assert.All(report.Figures, f => Assert.True(f.HasMeasurement || f.Key == "hub-state-3", $"{f.Key}: {f.Measured}\n{log}"));
        Assert.All(report.Figures, f => Assert.True(f.Lost == 0, $"{f.Key}: {f.Measured}\n{log}"));
        Assert.True(File.Exists(written) && File.Exists(Path.ChangeExtension(written, ".json")), written);
    }

    [Fact]
    public async Task RunScaleOut_TinySizes_ProducesEveryTopologyAndLosesNothing()
    {
        using var log = new StringWriter();

        var report = await LoadRunner.RunAsync(Tiny with { Clients = [4], Flips = 3, ScaleOut = true }, log);

        Assert.Equal(["scale-litedb-4", "scale-postgres-4", "scale-two-4"], report.Figures.Select(f => f.Key));
        Assert.All(report.Figures, f => Assert.True(f.Latency is { Samples: 4 * 3 } && f.Lost == 0, $"{f.Key}: {f.Measured}\n{log}"));

        // Both instances' clients are counted apart, so a path that loses only the other instance's clients shows.
        Assert.Contains("clients on B", report.Figures[^1].Note, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
