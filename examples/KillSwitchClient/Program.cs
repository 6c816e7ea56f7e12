// A service-side kill-switch client: read the state over HTTP, then follow every change on the console hub with
// the official .NET SignalR client, catching up by version after a reconnect. See README.md.
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

var url = new Uri(Environment.GetEnvironmentVariable("CONSOLE_URL") ?? "http://127.0.0.1:5080");
var apiKey = Environment.GetEnvironmentVariable("CONSOLE_API_KEY")
    ?? throw new InvalidOperationException("Set CONSOLE_API_KEY to an API key (any role) created under Admin > API keys.");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

// 1. The full state and its version over HTTP (GET /api/kill-switches also answers 304 to If-None-Match).
using var http = new HttpClient { BaseAddress = url };
http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
var initial = await http.GetFromJsonAsync<Snapshot>("/api/kill-switches", stop.Token)
    ?? throw new InvalidOperationException("Empty answer from /api/kill-switches.");
foreach (var s in initial.Switches)
{
    Console.WriteLine($"{s.Key}@{s.Scope}: {(s.On ? "ON" : "off")}");
}

var lastVersion = initial.Version;
Console.WriteLine($"state at version {lastVersion}; following changes (Ctrl+C to stop)");

// 2. The hub. A hub handler must not await hub calls itself, so events only wake the catch-up loop below.
var wake = Channel.CreateUnbounded<string>();
await using var hub = new HubConnectionBuilder()
    .WithUrl(new Uri(url, "/hubs/console"), o => o.Headers["X-Api-Key"] = apiKey)
    .WithAutomaticReconnect()
    .Build();
hub.On<LiveEvent>("event", e => wake.Writer.TryWrite(e.Kind));
hub.Reconnecting += error => { Console.WriteLine($"connection lost ({error?.Message}); reconnecting"); return Task.CompletedTask; };
hub.Reconnected += async _ =>
{
    await hub.InvokeAsync("Subscribe", "kill-switches"); // a reconnect is a new connection: subscribe again
    wake.Writer.TryWrite("reconnected");
};
await hub.StartAsync(stop.Token);
await hub.InvokeAsync("Subscribe", "kill-switches", stop.Token);
wake.Writer.TryWrite("subscribed"); // covers a change between the GET and the subscription

// 3. Each wake-up asks for what changed after the last version seen: one flip after an event, all that was missed after a reconnect.
try
{
    await foreach (var why in wake.Reader.ReadAllAsync(stop.Token))
    {
        var changes = await hub.InvokeAsync<Snapshot>("GetKillSwitches", lastVersion, stop.Token);
        foreach (var s in changes.Switches)
        {
            var change = s.LastChange is { } c ? $" by {c.ActorName} at {c.At:u}: {c.Reason}" : "";
            Console.WriteLine($"[{why}] v{s.Version} {s.Key}@{s.Scope} is {(s.On ? "ON" : "off")}{change}");
        }

        lastVersion = changes.Version;
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}

/// <summary>The parts of the console's kill-switch JSON this client reads.</summary>
internal sealed record Snapshot(long Version, bool Full, IReadOnlyList<Switch> Switches);

internal sealed record Switch(string Key, string Scope, bool On, long Version, Change? LastChange);

internal sealed record Change(string ActorName, DateTimeOffset At, string Reason);

internal sealed record LiveEvent(string Topic, string Kind, string Subject, string? Summary);
