using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Features.HealthChecks;

/// <summary>The real host's scheduler probes the demo target it serves on loopback and keeps the result as history, told live over the hub.</summary>
public sealed class HealthCheckSchedulerHostTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Scheduler_NewCheckOnTheDemoTarget_ProbesItAndRecordsHistory()
    {
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var result = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<LiveEvent>("event", e =>
        {
            if (e.Kind == HealthCheckEvents.Result && e.Subject == "scheduled-p99")
            {
                result.TrySetResult(e);
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.HealthChecks);
        using var admin = await host.ApiClientAsync(Role.Admin);

        (await admin.PostAsJsonAsync("/api/health-checks", new
        {
            name = "Scheduled p99", url = "/demo/checks/model-metrics", jsonPath = "$.latency_p99_ms", @operator = "<", threshold = 50,
            intervalSeconds = 3600, owner = "ai-operators",
        })).EnsureSuccessStatusCode();
        var told = await result.Task.WaitAsync(EventTimeout);

        var view = await ConsoleHost.ReadAsync<CheckView>(await admin.GetAsync("/api/health-checks/scheduled-p99"));
        var run = Assert.Single(view.History);
        Assert.True(run.Passed, run.Reason);
        Assert.Equal(200, run.StatusCode);
        Assert.Contains("$.latency_p99_ms = 21 (meets < 50)", run.Reason, StringComparison.Ordinal);
        Assert.Equal("passing", view.Status);
        Assert.Equal(run.At + TimeSpan.FromHours(1), view.State.NextDueAt);
        Assert.Contains("Scheduled p99: passed", told.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduler_SeededLedgerCheck_PassesAgainstTheConsolesOwnLedger()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        var ledger = await ConsoleHost.ReadAsync<List<CheckView>>(await viewer.GetAsync("/api/health-checks"));
        var id = ledger.Single(c => c.Check.Url == "/health/ledger").Check.Id;
        using var admin = await host.ApiClientAsync(Role.Admin);

        var run = await ConsoleHost.ReadAsync<CheckResult>(await admin.PostAsync($"/api/health-checks/{id}/run", null));

        Assert.True(run.Passed, run.Reason);
    }
}
