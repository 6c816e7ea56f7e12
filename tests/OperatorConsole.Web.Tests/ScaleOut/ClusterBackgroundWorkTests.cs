using System.Diagnostics;
using Npgsql;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Leases;
using OperatorConsole.Core.Live;
using OperatorConsole.Storage.PostgreSql.Leases;
using OperatorConsole.Testing.ScaleOut;
using OperatorConsole.Web.Features.Audit;
using OperatorConsole.Web.Features.HealthChecks;
using OperatorConsole.Web.Features.Notifications;

namespace OperatorConsole.Web.Tests.ScaleOut;

/// <summary>Two instances up on one PostgreSQL database: each piece of background work runs on one of them only.</summary>
public sealed class ClusterBackgroundWorkTests(ConsoleCluster cluster) : IClassFixture<ConsoleCluster>
{
    private static readonly string[] Work =
        [LedgerSealing.LeaseName, CheckSchedulerService.LeaseName, ConsoleAlertService.LeaseName, NotificationWorker.LeaseName];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task BothHostsUp_EachLease_IsHeldByExactlyOneInstance()
    {
        var instances = cluster.Hosts.Select(h => (PgWorkLeases)h.Service<IWorkLeases>()).ToList();

        var holders = await HoldersAsync();

        foreach (var work in Work)
        {
            var holder = Assert.Single(instances, i => i.Instance == holders[work]);
            foreach (var other in instances.Where(i => i != holder))
            {
                Assert.False(await other.TryHoldAsync(work, LeasedWork.DefaultDuration), $"{work} could be taken while {holder.Instance} holds it");
            }
        }
    }

    [Fact]
    public async Task ScheduledCheck_BothHostsUp_RunsOncePerDueTime()
    {
        const int Runs = 3;
        using var results = cluster.B.Service<ILiveEventSource>().Subscribe(Topics.HealthChecks);
        var check = await cluster.A.Service<ScheduledCheckService>().CreateAsync(Actor.System, new ScheduledCheckDefinition(
            "Cluster readiness", "GET", "/health/ready", 200, null, null, null, ScheduledCheckRules.MinIntervalSeconds, 5_000, "cluster test",
            "SEV-3", 100, true));

        using var timeout = new CancellationTokenSource(Patience * 2);
        for (var seen = 0; seen < Runs;)
        {
            var next = await results.Reader.ReadAsync(timeout.Token);
            seen += next.Kind == HealthCheckEvents.Result && next.Subject == check.Id ? 1 : 0;
        }

        // Each run is due an interval after the one before; a second instance running the schedule would add a run
        // for the same due time, moments after the first.
        var runs = cluster.B.Service<ScheduledCheckService>().Get(check.Id).History.Select(r => r.At).Order().ToList();
        Assert.True(runs.Count >= Runs, $"{runs.Count} runs recorded");
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= check.Interval, $"runs at {pair.First:O} and {pair.Second:O}"));
    }

    /// <summary>The lease table once every piece of work is held (the first instance takes each as it starts it).</summary>
    private async Task<Dictionary<string, string>> HoldersAsync()
    {
        await using var source = NpgsqlDataSource.Create(cluster.ConnectionString);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var holders = new Dictionary<string, string>();
            await using (var command = source.CreateCommand("SELECT name, holder FROM work_leases WHERE expires_at > now()"))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    holders[reader.GetString(0)] = reader.GetString(1);
                }
            }

            if (Work.All(holders.ContainsKey) || waited.Elapsed > Patience)
            {
                Assert.All(Work, w => Assert.True(holders.ContainsKey(w), $"nobody holds {w}"));
                return holders;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
