using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// The real console on loopback over a fresh LiteDB file (demo data on), with an API key that may flip switches and a
/// switch of its own to flip. Request logging is off in it: one log line per poll would print over the results and
/// its in-memory test capture would count as server memory. For the scale-out part it is several instances on one
/// store (their settings say which); flips and API calls go through the first.
/// </summary>
internal sealed class LoadConsole : IAsyncDisposable
{
    public const string SwitchKey = "load-test";
    public const string SwitchId = SwitchKey + "@global";

    private bool _on;

    private LoadConsole(IReadOnlyList<ConsoleHost> hosts, string apiKey)
    {
        Hosts = hosts;
        ApiKey = apiKey;
        Api = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    /// <summary>Instance A: the one flips and API calls go through.</summary>
    public ConsoleHost Host => Hosts[0];

    public IReadOnlyList<ConsoleHost> Hosts { get; }

    /// <summary>Admin and on-call: creates the switch, flips it, writes notes.</summary>
    public string ApiKey { get; }

    public HttpClient Api { get; }

    public static Task<LoadConsole> StartAsync() => StartAsync(1, []);

    /// <summary>
    /// <paramref name="instances"/> consoles with the same settings, started one after the other: the first seeds the
    /// demo into an empty store, the others find it there. The API key, made on the first, works on all of a shared store.
    /// </summary>
    public static async Task<LoadConsole> StartAsync(int instances, IReadOnlyList<(string Key, string Value)> settings)
    {
        var hosts = new List<ConsoleHost>();
        for (var i = 0; i < instances; i++)
        {
            hosts.Add(ConsoleHost.WithSettings([("Serilog:MinimumLevel:Default", "Warning"), .. settings]));
        }

        var console = new LoadConsole(hosts, await hosts[0].CreateApiKeyAsync(Role.Admin | Role.OnCall));
        using var created = await console.Api.PostAsJsonAsync("/api/kill-switches",
            new KillSwitchDefinitionBody(SwitchKey, "global", "Flipped by the load tool", DefaultOn: false));
        await EnsureAsync(created, "create the load-test switch");
        return console;
    }

    /// <summary>Turns the switch the other way; the start is taken on both clocks the measurements compare with.</summary>
    public async Task<Flip> FlipAsync()
    {
        var on = !_on;
        var startTicks = Stopwatch.GetTimestamp();
        var startEpochMs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
        using var response = await Api.PostAsJsonAsync($"/api/kill-switches/{SwitchKey}/flip", new FlipBody(on, "load test"));
        var answeredTicks = Stopwatch.GetTimestamp();
        await EnsureAsync(response, "flip the load-test switch");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        _on = on;
        return new Flip(body.RootElement.GetProperty("switch").GetProperty("version").GetInt64(), on, startTicks, startEpochMs, answeredTicks);
    }

    public async Task<string> OpenIncidentAsync(string title)
    {
        using var response = await Api.PostAsJsonAsync("/api/incidents", new OpenIncident(title, IncidentClass.Other, IncidentSeverity.Sev3, ["load"], null), ConsoleHost.ApiJson);
        await EnsureAsync(response, "open an incident");
        return (await ConsoleHost.ReadAsync<Incident>(response)).Id;
    }

    /// <summary>Adds a note to the incident through the API; returns when it was sent, on the wall clock.</summary>
    public async Task<double> AddNoteAsync(string incidentId, string text)
    {
        var startEpochMs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
        using var response = await Api.PostAsJsonAsync($"/api/incidents/{incidentId}/notes", new { text });
        await EnsureAsync(response, "add a note");
        return startEpochMs;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record KillSwitchDefinitionBody(string Key, string Scope, string Description, bool DefaultOn);

    private sealed record FlipBody(bool On, string Reason);
}

/// <summary>
/// A flip the console acknowledged: its version, when it was sent on the monotonic and the wall clock, and when the
/// API's answer (the commit) came back.
/// </summary>
internal sealed record Flip(long Version, bool On, long StartTicks, double StartEpochMs, long AnsweredTicks)
{
    public double AnsweredMilliseconds => MillisecondsTo(AnsweredTicks);

    public double MillisecondsTo(long ticks) => Stopwatch.GetElapsedTime(StartTicks, ticks).TotalMilliseconds;
}
