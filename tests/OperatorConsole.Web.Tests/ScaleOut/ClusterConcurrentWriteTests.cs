using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Testing;
using OperatorConsole.Testing.ScaleOut;
using static OperatorConsole.Web.Tests.Shared.ApiAnswers;

namespace OperatorConsole.Web.Tests.ScaleOut;

/// <summary>
/// Writers on both instances of one PostgreSQL-backed cluster at once, through the API as operators' scripts would:
/// nothing acknowledged is lost or duplicated, counters stay unique, and the one ledger verifies on every instance.
/// </summary>
public sealed class ClusterConcurrentWriteTests(ConsoleCluster cluster) : IClassFixture<ConsoleCluster>
{
    private const int WritersPerHost = 8;
    private const int RoundsPerWriter = 3;

    private sealed record Acknowledged(int Host, int Round, string IncidentId, string Title, string[] NoteIds, string SwitchKey, long[] SwitchVersions);

    [Fact]
    public async Task WritersOnBothHosts_EveryAcknowledgedWriteReadBackThroughTheOtherHost_UniqueAndVerified()
    {
        var hosts = cluster.Hosts;
        var clients = await Task.WhenAll(hosts.Select(h => h.ApiClientAsync(Role.OnCall | Role.IncidentOwner)));
        var acknowledged = new ConcurrentBag<Acknowledged>();
        var writers = Enumerable.Range(0, WritersPerHost * hosts.Count).Select(w => Task.Run(async () =>
        {
            var host = w % hosts.Count;
            var key = $"concurrent-{w}";
            await hosts[host].Service<KillSwitchService>().CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Flipped by one writer", DefaultOn: false));
            for (var round = 0; round < RoundsPerWriter; round++)
            {
                acknowledged.Add(await WriteRoundAsync(clients[host], host, round, key, $"writer {w} round {round}"));
            }
        }));

        await Task.WhenAll(writers);

        var all = acknowledged.ToList();
        Assert.Equal(WritersPerHost * hosts.Count * RoundsPerWriter, all.Count);
        Assert.Equal(all.Count, all.Select(a => a.IncidentId).Distinct().Count());
        var versions = all.SelectMany(a => a.SwitchVersions).ToList();
        Assert.Equal(versions.Count, versions.Distinct().Count());
        foreach (var perSwitch in all.GroupBy(a => a.SwitchKey))
        {
            // One writer flips its own switch, so what it was told must rise in the order it was told it.
            var told = perSwitch.OrderBy(a => a.Round).SelectMany(a => a.SwitchVersions).ToList();
            Assert.Equal(told.Order(), told);
        }

        foreach (var written in all)
        {
            var other = clients[(written.Host + 1) % hosts.Count];
            var incident = await OkAsync<Incident>(await other.GetAsync($"/api/incidents/{written.IncidentId}"));
            var timeline = await OkAsync<List<TimelineEntry>>(await other.GetAsync($"/api/incidents/{written.IncidentId}/timeline"));
            Assert.Equal(written.Title, incident.Title);
            Assert.All(written.NoteIds, id => Assert.Contains(timeline, e => e.Id == id));
        }

        foreach (var perSwitch in all.GroupBy(a => (a.SwitchKey, a.Host)))
        {
            var other = clients[(perSwitch.Key.Host + 1) % hosts.Count];
            var current = await OkAsync<KillSwitch>(await other.GetAsync($"/api/kill-switches/{perSwitch.Key.SwitchKey}"));
            Assert.Equal((false, perSwitch.SelectMany(a => a.SwitchVersions).Max()), (current.On, current.Version));
        }

        foreach (var client in clients)
        {
            await AssertLedgerValidAsync(client, "/api/ledger/verify?full=true");
            await AssertLedgerValidAsync(client, "/api/ledger/verify");
        }
    }

    [Fact]
    public async Task EvidenceBundleExportedOnA_VerifiedThroughB_IsValid()
    {
        using var onA = await cluster.A.ApiClientAsync(Role.OnCall);
        using var onB = await cluster.B.ApiClientAsync(Role.Viewer);
        var incident = await OkAsync<Incident>(await onA.PostAsJsonAsync("/api/incidents",
            new { title = "Bundle across instances", @class = IncidentClass.Other, severity = IncidentSeverity.Sev3, scopes = new[] { "zrh" } }, ConsoleHost.ApiJson));

        using var preserved = await onA.PostAsync($"/api/incidents/{incident.Id}/evidence-bundle", null);
        var bundle = await preserved.Content.ReadAsStringAsync();
        using var verified = await onB.PostAsync("/api/evidence/verify", new StringContent(bundle, Encoding.UTF8, "application/json"));

        var result = await OkAsync<JsonElement>(verified);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        Assert.Equal(0, result.GetProperty("problems").GetArrayLength());
    }

    private static async Task<Acknowledged> WriteRoundAsync(HttpClient client, int host, int round, string key, string tag)
    {
        var title = $"Concurrent {tag}";
        var incident = await OkAsync<Incident>(await client.PostAsJsonAsync("/api/incidents",
            new { title, @class = IncidentClass.Other, severity = IncidentSeverity.Sev3, scopes = new[] { "zrh" } }, ConsoleHost.ApiJson));
        var notes = new List<string>();
        foreach (var n in new[] { 1, 2 })
        {
            notes.Add((await OkAsync<TimelineEntry>(await client.PostAsJsonAsync($"/api/incidents/{incident.Id}/notes", new { text = $"{tag} note {n}" }))).Id);
        }

        var versions = new List<long>();
        foreach (var on in new[] { true, false })
        {
            var flip = await OkAsync<KillSwitchFlip>(await client.PostAsJsonAsync($"/api/kill-switches/{key}/flip", new { on, reason = tag }));
            versions.Add(flip.Switch.Version);
        }

        return new Acknowledged(host, round, incident.Id, title, [.. notes], key, [.. versions]);
    }

    private static async Task AssertLedgerValidAsync(HttpClient client, string path)
    {
        var verification = await OkAsync<LedgerVerification>(await client.GetAsync(path));
        Assert.True(verification.IsValid, verification.Problem);
        Assert.True(verification.CheckpointCount > 0, "no checkpoint was checked");
    }
}
