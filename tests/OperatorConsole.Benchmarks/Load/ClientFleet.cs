using System.Text.Json;

namespace OperatorConsole.Benchmarks.Load;

internal interface IClientFleet : IAsyncDisposable
{
    Task StartAsync();

    FleetResult Result();
}

/// <summary>
/// The client process ("load-clients"): runs one fleet and talks to the load tool over stdin/stdout — "ready" once
/// connected, "got {version}" when every client has seen a version, and on "stop" one "result {json}" line.
/// Clients run here, not in the host's process, so the host's CPU time counts the server alone.
/// </summary>
internal static class ClientFleet
{
    public const string Command = "load-clients";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var spec = FleetSpec.Parse(args);
        ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);
        var completion = new Completion(spec.Clients, version => Console.Out.WriteLine($"got {version}"));
        await using IClientFleet fleet = spec.Mode == FleetMode.Poll ? new PollFleet(spec, completion) : new HubFleet(spec, completion);
        await fleet.StartAsync();
        Console.Out.WriteLine("ready");
        while (await Console.In.ReadLineAsync() is { } line && line != "stop")
        {
        }

        Console.Out.WriteLine("result " + JsonSerializer.Serialize(fleet.Result()));
        return 0;
    }
}
