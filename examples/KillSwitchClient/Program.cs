// A service-side kill-switch client: read the state over HTTP, then follow every change on the console hub with
// the official .NET SignalR client. Each event carries the switch as it now stands, so the client applies it without
// calling back; it asks for what it missed only after (re)subscribing. See README.md.
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
var switches = initial.Switches.ToDictionary(s => $"{s.Key}@{s.Scope}");
foreach (var s in initial.Switches)
{
    Console.WriteLine($"{s.Key}@{s.Scope}: {(s.On ? "ON" : "off")}");
}

var lastVersion = initial.Version;
Console.WriteLine($"state at version {lastVersion}; following changes (Ctrl+C to stop)");

// 2. The hub. A hub handler must not await hub calls itself, so handlers only queue work for the loop below:
//    an event (applied as it is) or a catch-up (after subscribing, when changes may have been missed).
var work = Channel.CreateUnbounded<Wake>();
await using var hub = new HubConnectionBuilder()
    .WithUrl(new Uri(url, "/hubs/console"), o => o.Headers["X-Api-Key"] = apiKey)
    .WithAutomaticReconnect()
    .Build();
hub.On<LiveEvent>("event", e => work.Writer.TryWrite(new Wake("event", e)));
hub.Reconnecting += error => { Console.WriteLine($"connection lost ({error?.Message}); reconnecting"); return Task.CompletedTask; };
hub.Reconnected += async _ =>
{
    await hub.InvokeAsync("Subscribe", "kill-switches"); // a reconnect is a new connection: subscribe again
    work.Writer.TryWrite(new Wake("reconnected", null));
};
await hub.StartAsync(stop.Token);
await hub.InvokeAsync("Subscribe", "kill-switches", stop.Token);
work.Writer.TryWrite(new Wake("subscribed", null)); // covers a change between the GET and the subscription

// 3. Apply each event's switch; catch up by version (only what changed after the last version seen) after subscribing.
try
{
    await foreach (var wake in work.Reader.ReadAllAsync(stop.Token))
    {
        IReadOnlyList<Switch> changed = wake.Event is { State: { } state }
            ? [state]
            : (await hub.InvokeAsync<Snapshot>("GetKillSwitches", lastVersion, stop.Token)).Switches;
        foreach (var s in changed)
        {
            var id = $"{s.Key}@{s.Scope}";
            if (switches.TryGetValue(id, out var known) && known.Version >= s.Version)
            {
                continue; // already applied (an event and a catch-up can both carry it)
            }

            switches[id] = s;
            lastVersion = Math.Max(lastVersion, s.Version);
            var change = s.LastChange is { } c ? $" by {c.ActorName} at {c.At:u}: {c.Reason}" : "";
            Console.WriteLine($"[{wake.Why}] v{s.Version} {id} is {(s.On ? "ON" : "off")}{change}");
        }
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
}

/// <summary>The parts of the console's kill-switch JSON this client reads.</summary>
internal sealed record Snapshot(long Version, bool Full, IReadOnlyList<Switch> Switches);

internal sealed record Switch(string Key, string Scope, bool On, long Version, Change? LastChange);

internal sealed record Change(string ActorName, DateTimeOffset At, string Reason);

/// <summary>A hub "event": kill-switch events carry the switch as it now stands in State.</summary>
internal sealed record LiveEvent(string Topic, string Kind, string Subject, string? Summary, long? Version, Switch? State);

internal sealed record Wake(string Why, LiveEvent? Event);
