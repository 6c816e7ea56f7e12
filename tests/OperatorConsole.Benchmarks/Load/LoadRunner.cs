namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// One load run: each part starts its own console (a fresh LiteDB file), so no part inherits another's data.
/// Hub and polling clients run in a child process; Chromium runs in its own processes.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter log)
    {
        var machine = Machine.Describe();
        log.WriteLine($"load run on {machine}");
        var figures = new FigureList(log);
        foreach (var clients in options.Clients)
        {
            await using var console = await LoadConsole.StartAsync();
            var push = await HubScenario.RunAsync(console, options, clients, log);
            figures.AddRange(push);
            var polling = new List<Figure>();
            foreach (var interval in options.PollIntervalsSeconds)
            {
                polling.Add(await PollingScenario.RunAsync(console, options, clients, interval, log));
            }

            figures.AddRange(polling);
            figures.Add(PollingScenario.Ratio(clients, push.First(f => f.Key.StartsWith("hub-state", StringComparison.Ordinal)) is { HasMeasurement: true } state ? state : push[0],
                push.First(f => f.Key.StartsWith("hub-cpu", StringComparison.Ordinal)), polling.MinBy(f => f.Key.Length)!));
        }

        await using (var browser = await LoadBrowser.LaunchAsync(options.StepTimeout))
        {
            await using (var console = await LoadConsole.StartAsync())
            {
                foreach (var pages in options.Pages)
                {
                    figures.Add(await PagesScenario.RunAsync(console, browser, options, pages, log));
                }
            }

            await using (var console = await LoadConsole.StartAsync())
            {
                figures.Add(await CircuitMemoryScenario.RunAsync(console, browser, options, log));
            }

            await using (var console = await LoadConsole.StartAsync())
            {
                figures.Add(await TimelineScenario.RunAsync(console, browser, options, log));
            }
        }

        await using (var console = await LoadConsole.StartAsync())
        {
            figures.AddRange(await WriteScenario.RunAsync(console, options, log));
        }

        return new LoadReport(machine, Machine.Describe().LoadAverage, options, [.. figures]);
    }
}

/// <summary>The run's figures, each printed as it comes so a long run shows its results as it goes.</summary>
internal sealed class FigureList(TextWriter log) : List<Figure>
{
    public new void Add(Figure figure)
    {
        log.WriteLine($"  = {figure.Path}: {figure.Measured}");
        base.Add(figure);
    }

    public new void AddRange(IEnumerable<Figure> figures)
    {
        foreach (var figure in figures)
        {
            Add(figure);
        }
    }
}
