using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;
using OperatorConsole.Web.Hubs;
using Xunit.Abstractions;

namespace OperatorConsole.Web.Tests.Fuzz;

/// <summary>Every public method of the console hub, called through the official .NET client with wrong types, nulls, extra or missing arguments and long strings.</summary>
public sealed class HubFuzzTests(ConsoleHost host, ITestOutputHelper output) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task EveryHubMethod_FuzzedArguments_AnswersOrRefusesAndKeepsTheConnection()
    {
        var (iterations, seed) = (FuzzSettings.Iterations(8) * 5, FuzzSettings.Seed());
        var json = new FuzzJson(new Random(seed));
        var methods = typeof(ConsoleHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name).ToList();
        await using var connection = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var failures = new List<string>();
        var calls = 0;

        for (var i = 0; i < iterations; i++)
        {
            foreach (var method in methods)
            {
                var args = Enumerable.Range(0, json.Random.Next(3)).Select(_ => Argument(json)).ToArray();
                calls++;
                try
                {
                    await connection.InvokeCoreAsync(method, typeof(object), args);
                }
                catch (HubException)
                {
                    // A refusal or a binding failure, told to the caller; the connection stays.
                }

                if (connection.State != HubConnectionState.Connected)
                {
                    failures.Add($"{method}({string.Join(", ", args.Select(a => a?.GetType().Name ?? "null"))}) closed the connection");
                    await connection.StartAsync();
                }
            }
        }

        var faults = host.Logs.Errors();
        output.WriteLine($"seed {seed}: {methods.Count} hub methods, {calls} calls, {failures.Count} closed the connection, {faults.Count} errors logged");
        Assert.True(failures.Count == 0 && faults.Count == 0, string.Join("\n", failures.Concat(faults).Distinct().Take(40)));
    }

    /// <summary>Below the hub's 32 KB message limit: a longer message is refused by SignalR itself by closing the connection, as designed.</summary>
    private static object? Argument(FuzzJson json) => json.Random.Next(9) switch
    {
        0 => null,
        1 => json.Random.NextInt64(),
        2 => -1,
        3 => true,
        4 => 1.5,
        5 => new[] { json.Pick(["kill-switches", "lockdown", "x"]) },
        6 => new Dictionary<string, object?> { ["topic"] = "lockdown", ["n"] = 1 },
        7 => new string('t', json.Random.Next(1_000, 20_000)),
        _ => json.Random.Next(3) == 0 ? json.Text() is { Length: < 20_000 } t ? t : "x" : json.Pick(["kill-switches", "lockdown", "incidents", "scope:global", "scope:nope"]),
    };
}
