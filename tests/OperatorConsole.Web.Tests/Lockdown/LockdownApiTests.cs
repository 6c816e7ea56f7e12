using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Lockdown;

/// <summary>In lockdown management calls answer 423 problem+json; reads, notes and flips toward safe answer 200.</summary>
public sealed class LockdownApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IAsyncLifetime
{
    public Task InitializeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    public Task DisposeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    [Fact]
    public async Task RunbookImport_InLockdown_Returns423ProblemJsonNamingWhoAndWhy()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall | Role.ReleaseOwner);
        using var engaged = await LockdownHostScope.EngageAsync(oncall, "bad pack spreading");
        Assert.Equal(HttpStatusCode.Created, engaged.StatusCode);

        using var response = await ApiRequests.ImportAsync(oncall, "lockdown-test.md", "# Lockdown test\n\n## Steps\n\n1. Nothing.\n");

        Assert.Equal(HttpStatusCode.Locked, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(423, problem.RootElement.GetProperty("status").GetInt32());
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.StartsWith("The console is in emergency lockdown since ", detail, StringComparison.Ordinal);
        Assert.EndsWith(": bad pack spreading. Release it first.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillSwitchFlips_InLockdown_AwayFromSafe423_TowardSafe200()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        (await LockdownHostScope.EngageAsync(oncall)).Dispose();

        using var on = await oncall.PostAsJsonAsync("/api/kill-switches/pause-agent-execution/flip", new { on = true, reason = "contain" });
        using var off = await oncall.PostAsJsonAsync("/api/kill-switches/pause-agent-execution/flip", new { on = false, reason = "resume" });

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, off.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, off.Content.Headers.ContentType?.MediaType);
        Assert.True(host.Service<KillSwitchService>().Get("pause-agent-execution")!.On);
    }

    [Fact]
    public async Task ReadsAndNotes_InLockdown_Return200()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var incident = await host.Service<IncidentService>().OpenAsync(
            LockdownHostScope.OnCall(host), new OpenIncident("Bad pack", IncidentClass.BadPublish, IncidentSeverity.Sev2, ["zrh"], null));
        (await LockdownHostScope.EngageAsync(oncall)).Dispose();

        using var switches = await oncall.GetAsync("/api/kill-switches");
        using var state = await oncall.GetAsync("/api/lockdown");
        using var note = await oncall.PostAsJsonAsync($"/api/incidents/{incident.Id}/notes", new { text = "holding" });
        using var status = await oncall.PostAsJsonAsync($"/api/incidents/{incident.Id}/status", new { to = "Acknowledged" });

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK],
            new[] { switches.StatusCode, state.StatusCode, note.StatusCode, status.StatusCode });
        using var body = JsonDocument.Parse(await state.Content.ReadAsStringAsync());
        Assert.Equal("bad pack spreading", body.RootElement.GetProperty("active").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Snapshot_AfterEngage_DownloadsSealedJsonWithTheSwitches()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        using var engaged = await LockdownHostScope.EngageAsync(oncall);
        var record = await ConsoleHost.ReadAsync<LockdownRecord>(engaged);

        using var download = await oncall.GetAsync($"/api/lockdown/{record.Id}/snapshot");

        download.EnsureSuccessStatusCode();
        var json = await download.Content.ReadAsStringAsync();
        Assert.True(LockdownSnapshotBundle.Verify(json));
        Assert.Contains("\"ai-kill-switch\"", json, StringComparison.Ordinal);
        Assert.Equal(record.SnapshotHash, download.Headers.GetValues("X-Integrity-Hash").Single());
        Assert.NotNull(download.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task ExplicitRelease_RequestThenSecondPersonConfirms_Released()
    {
        using var first = await host.ApiClientAsync(Role.OnCall);
        using var second = await host.ApiClientAsync(Role.IncidentOwner);
        (await LockdownHostScope.EngageAsync(first)).Dispose();

        using var request = await first.PostAsJsonAsync("/api/lockdown/release/request", new { reason = "pack replaced" });
        request.EnsureSuccessStatusCode();
        var token = (await ConsoleHost.ReadAsync<JsonElement>(request)).GetProperty("confirmationToken").GetString();
        using var self = await first.PostAsJsonAsync("/api/lockdown/release/confirm", new { token });
        using var confirmed = await second.PostAsJsonAsync("/api/lockdown/release/confirm", new { token });

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Null(host.Service<LockdownService>().Active());
    }

    [Fact]
    public async Task Engage_ByViewerKey_Returns403AndNoLockdown()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await LockdownHostScope.EngageAsync(viewer);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(host.Service<LockdownService>().Active());
    }

    [Fact]
    public async Task Engage_WithoutApiKey_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await LockdownHostScope.EngageAsync(anonymous);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
