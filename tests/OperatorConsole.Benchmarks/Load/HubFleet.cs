using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// N official .NET SignalR clients subscribed to "kill-switches", connected a batch at a time. In push mode a client
/// notes when each flip's event arrives (and whether it carries the new state); in read-back mode it follows the
/// documented pattern of earlier builds — the event wakes it, GetKillSwitches(last version) brings the state — and
/// notes when that answer arrives.
/// </summary>
internal sealed class HubFleet(FleetSpec spec, Completion completion) : IClientFleet
{
    private const string FlippedKind = "kill-switch.flipped";

    private readonly List<HubConnection> _connections = [];
    // One log per client, by index, so the result tells which instance each client was on (FleetSpec.UrlOf).
    private readonly SeenLog[] _seen = [.. Enumerable.Range(0, spec.Clients).Select(_ => new SeenLog())];
    private int _stateCarried;

    public async Task StartAsync()
    {
        for (var first = 0; first < spec.Clients; first += spec.Batch)
        {
            var batch = Enumerable.Range(first, Math.Min(spec.Batch, spec.Clients - first)).Select(ConnectAsync).ToList();
            try
            {
                _connections.AddRange(await Task.WhenAll(batch).WaitAsync(TimeSpan.FromSeconds(spec.TimeoutSeconds)));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException(
                    $"{_connections.Count} of {spec.Clients} hub clients connected; the next {batch.Count} did not connect and subscribe within {spec.TimeoutSeconds} s.");
            }
        }
    }

    public FleetResult Result() => new([.. _seen.Select(s => s.ToArray())], _stateCarried > 0, 0, 0, 0, 0);

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Select(c => c.DisposeAsync().AsTask()));
    }

    private async Task<HubConnection> ConnectAsync(int client)
    {
        var seen = _seen[client];
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(spec.UrlOf(client), "/hubs/console"), o => o.Headers["X-Api-Key"] = spec.ApiKey)
            .Build();
        var lastVersion = 0L;
        var wake = Channel.CreateUnbounded<long>();
        connection.On<JsonElement>("kill-switches.state", state => lastVersion = state.GetProperty("version").GetInt64());
        connection.On<FleetEvent>("event", e =>
        {
            if (e.Kind != FlippedKind || e.Version is not { } version)
            {
                return;
            }

            if (spec.Mode == FleetMode.ReadBack)
            {
                wake.Writer.TryWrite(version);
                return;
            }

            seen.Add(version, Stopwatch.GetTimestamp());
            if (e.State is not null && _stateCarried == 0)
            {
                Interlocked.Exchange(ref _stateCarried, 1);
            }

            completion.Seen(version);
        });
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "kill-switches");
        if (spec.Mode == FleetMode.ReadBack)
        {
            // A handler must not await hub calls itself, so the read-back runs in its own loop, as in the example client.
            _ = Task.Run(() => ReadBackAsync(connection, wake.Reader, seen, () => lastVersion, v => lastVersion = v));
        }

        return connection;
    }

    private async Task ReadBackAsync(HubConnection connection, ChannelReader<long> wake, SeenLog seen, Func<long> last, Action<long> setLast)
    {
        await foreach (var wanted in wake.ReadAllAsync())
        {
            if (wanted <= last())
            {
                continue;
            }

            var previous = last();
            var answer = await connection.InvokeAsync<JsonElement>("GetKillSwitches", previous);
            var version = answer.GetProperty("version").GetInt64();
            var at = Stopwatch.GetTimestamp();
            for (var v = previous + 1; v <= version; v++)
            {
                seen.Add(v, at);
            }

            setLast(version);
            completion.SeenUpTo(previous, version);
        }
    }

    // Only what the tool looks at: the state is bound to an empty type, so the client skips its fields instead of
    // building a JsonDocument of it for each of the N clients on every flip (the server's cost is what is measured).
    private sealed record FleetEvent(string Kind, long? Version, StateMark? State);

    private sealed class StateMark;
}
