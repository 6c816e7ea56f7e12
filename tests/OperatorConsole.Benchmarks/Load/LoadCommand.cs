namespace OperatorConsole.Benchmarks.Load;

/// <summary>`dotnet run -c Release --project tests/OperatorConsole.Benchmarks -- load [options]`.</summary>
public static class LoadCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        // WebApplicationFactory finds the web project through MvcTestingAppManifest.json in the working directory.
        options = options with { OutputFolder = Path.GetFullPath(options.OutputFolder) };
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var report = await LoadRunner.RunAsync(options, Console.Out);
        Console.WriteLine();
        Console.WriteLine(report.Markdown());
        Console.WriteLine($"written to {report.WriteTo(options.OutputFolder)} (and .json beside it)");
        return 0;
    }
}
