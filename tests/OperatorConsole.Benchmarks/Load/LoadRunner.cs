namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// One load run: each part starts its own console (a fresh LiteDB file), so no part inherits another's data. With
/// <see cref="LoadOptions.ScaleOut"/> the run is the scale-out comparison alone.
/// Hub and polling clients run in a child process; Chromium runs in its own processes.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter log)
    {
        var machine = Machine.Describe();
        log.WriteLine($"load run on {machine}");
        var figures = new List<Figure>();

        // Each figure is printed as it comes, so a long run shows its results as it goes.
        void Keep(params IEnumerable<Figure> measured)
        {
            foreach (var figure in measured)
            {
                log.WriteLine($"  = {figure.Path}: {figure.Measured}");
                figures.Add(figure);
            }
        }

        if (options.ScaleOut)
        {
            await ScaleOutScenario.RunAsync(options, log, figure => Keep(figure));
            return new LoadReport(machine, Machine.Describe().LoadAverage, options, figures);
        }

        foreach (var clients in options.Runs("hub") || options.Runs("polling") ? options.Clients : [])
        {
            await using var console = await LoadConsole.StartAsync();
            var push = options.Runs("hub") ? await HubScenario.RunAsync(console, options, clients, log) : [];
            Keep(push);
            var polling = new List<Figure>();
            foreach (var interval in options.Runs("polling") ? options.PollIntervalsSeconds : [])
            {
                polling.Add(await PollingScenario.RunAsync(console, options, clients, interval, log));
            }

            Keep(polling);
            if (push.Count > 0 && polling.Count > 0)
            {
                Keep(PollingScenario.Ratio(clients, push.First(f => f.Key.StartsWith("hub-state", StringComparison.Ordinal)) is { HasMeasurement: true } state ? state : push[0],
                    push.First(f => f.Key.StartsWith("hub-cpu", StringComparison.Ordinal)), polling.MinBy(f => f.Key.Length)!));
            }
        }

        if (options.Runs("pages") || options.Runs("watchers") || options.Runs("memory") || options.Runs("timeline"))
        {
            await using var browser = await LoadBrowser.LaunchAsync(options.StepTimeout);
            if (options.Runs("pages"))
            {
                await using var console = await LoadConsole.StartAsync();
                foreach (var pages in options.Pages)
                {
                    Keep(await PagesScenario.RunAsync(console, browser, options, pages, log));
                }
            }

            if (options.Runs("watchers"))
            {
                await using var console = await LoadConsole.StartAsync();
                foreach (var watchers in options.Watchers)
                {
                    Keep(await WatchersScenario.RunAsync(console, browser, options, watchers, log));
                }
            }

            if (options.Runs("memory"))
            {
                // Watch pages first, each part on a console of its own: a console disposed with circuits still open leaves them
                // running into the next part's measurement (they fail and are freed there); one with only hub connections does not.
                await using (var watched = await LoadConsole.StartAsync())
                {
                    foreach (var figure in await CircuitMemoryScenario.RunWatchPagesAsync(watched, browser, options, log))
                    {
                        Keep(figure);
                    }
                }

                await using var console = await LoadConsole.StartAsync();
                Keep(await CircuitMemoryScenario.RunAsync(console, browser, options, log));
            }

            if (options.Runs("timeline"))
            {
                await using var console = await LoadConsole.StartAsync();
                Keep(await TimelineScenario.RunAsync(console, browser, options, log));
            }
        }

        if (options.Runs("writes"))
        {
            await using var console = await LoadConsole.StartAsync();
            Keep(await WriteScenario.RunAsync(console, options, log));
        }

        return new LoadReport(machine, Machine.Describe().LoadAverage, options, figures);
    }
}
