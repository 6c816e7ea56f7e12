using System.Collections.Concurrent;
using System.Net.Http.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;
using OperatorConsole.Testing.PostgreSql;
using OperatorConsole.Web.Tests.Crash;
using Xunit.Abstractions;

namespace OperatorConsole.Web.Tests.ScaleOut;

/// <summary>
/// Two console processes on one real PostgreSQL and one real Redis, writers on both; instance A is SIGKILLed
/// mid-run. B keeps acknowledging writes, takes over the background work A held once A's leases run out, and
/// afterwards every write either instance acknowledged is there, incident numbers are unique and the ledger verifies.
/// </summary>
public sealed class FailoverTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private const int WritesBeforeKill = 10;
    private const int WritesAfterKill = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task KillHard_InstanceA_DuringWritesOnBoth_BServesTakesTheLeasesAndLosesNothing()
    {
        await using var consoles = new ScaledOutConsoles(redis);
        var a = await consoles.StartAsync();
        var key = await consoles.CreateApiKeyAsync("writer", "OnCall,Admin");
        await WaitUntilAsync(async () => (await consoles.LeaseHoldersAsync()).Values.Any(pid => pid == a.ProcessId));
        var b = await consoles.StartAsync();
        using var clientA = Client(a, key);
        using var clientB = Client(b, key);
        var noted = await ConsoleHost.ReadAsync<Incident>(await IncidentWrites.OpenAsync(clientB, "notes from both instances"));

        var onA = new Writes(clientA, noted.Id, mayDie: true);
        var onB = new Writes(clientB, noted.Id, mayDie: false);
        using var stop = new CancellationTokenSource();
        var writers = new[] { onA.RunAsync(stop.Token), onB.RunAsync(stop.Token) };
        await WaitUntilAsync(() => Task.FromResult(onA.Count >= WritesBeforeKill && onB.Count >= WritesBeforeKill), writers);

        var heldByA = (await consoles.LeaseHoldersAsync()).Where(l => l.Value == a.ProcessId).Select(l => l.Key).ToList();
        a.KillHard();
        var beforeKillOnB = onB.Count;
        await WaitUntilAsync(async () =>
        {
            var holders = await consoles.LeaseHoldersAsync();
            return onB.Count >= beforeKillOnB + WritesAfterKill && heldByA.All(work => holders.GetValueOrDefault(work) == b.ProcessId);
        }, writers);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        output.WriteLine($"acknowledged on A {onA.Count}, on B {onB.Count} ({onB.Count - beforeKillOnB} after the kill); leases moved: {string.Join(", ", heldByA)}");
        Assert.NotEmpty(heldByA);
        var incidents = await clientB.GetFromJsonAsync<List<Incident>>("/api/incidents", ConsoleHost.ApiJson);
        var opened = onA.Incidents.Concat(onB.Incidents).ToList();
        Assert.Empty(opened.Except(incidents!.Select(i => i.Id)));
        Assert.Equal(opened.Count, opened.Distinct(StringComparer.Ordinal).Count());
        var timeline = await clientB.GetFromJsonAsync<List<TimelineEntry>>($"/api/incidents/{noted.Id}/timeline", ConsoleHost.ApiJson);
        Assert.Empty(onA.Notes.Concat(onB.Notes).Except(timeline!.Select(e => e.Id)));
        var verification = await clientB.GetFromJsonAsync<LedgerVerification>("/api/ledger/verify?full=true", ConsoleHost.ApiJson);
        Assert.True(verification!.IsValid, verification.Problem);
    }

    private static HttpClient Client(ChildConsole console, string key)
    {
        var client = new HttpClient { BaseAddress = console.BaseAddress, Timeout = Patience };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Polls <paramref name="done"/> on the app's own state; fails early when a writer failed.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> done, IEnumerable<Task>? writers = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await done())
        {
            if (writers?.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    /// <summary>
    /// One instance's writers: two opening incidents and one adding notes to a shared incident. A write counts once
    /// the instance answered 2xx. Any refused write fails the test, and so does an instance that stops answering,
    /// unless it <paramref name="mayDie"/> (A, killed): then its writers end quietly.
    /// </summary>
    private sealed class Writes(HttpClient client, string notedIncident, bool mayDie)
    {
        public ConcurrentBag<string> Incidents { get; } = [];

        public ConcurrentBag<string> Notes { get; } = [];

        public int Count => Incidents.Count + Notes.Count;

        public Task RunAsync(CancellationToken stop) => Task.WhenAll(
            Loop(OpenIncidentAsync, stop),
            Loop(OpenIncidentAsync, stop),
            Loop(AddNoteAsync, stop));

        private async Task OpenIncidentAsync(int i)
        {
            using var response = await IncidentWrites.OpenAsync(client, $"failover write {i}");
            Incidents.Add((await Acknowledged<Incident>(response)).Id);
        }

        private async Task AddNoteAsync(int i)
        {
            using var response = await client.PostAsJsonAsync($"/api/incidents/{notedIncident}/notes", new { Text = $"note {i}" });
            Notes.Add((await Acknowledged<TimelineEntry>(response)).Id);
        }

        private static async Task<T> Acknowledged<T>(HttpResponseMessage response)
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await ConsoleHost.ReadAsync<T>(response);
        }

        private Task Loop(Func<int, Task> write, CancellationToken stop) => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await write(i);
                }
                catch (HttpRequestException) when (mayDie)
                {
                    return;
                }
            }
        }, CancellationToken.None);
    }
}
