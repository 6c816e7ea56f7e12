using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Testing;
using OperatorConsole.Web.Hubs;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Lockdown;

/// <summary>Hub subscribers get the lockdown state and kill-switch state on subscribe; the alert webhook is delivered and recorded.</summary>
public sealed class LockdownLiveTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public Task InitializeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    public async Task DisposeAsync()
    {
        await LockdownHostScope.ReleaseIfActiveAsync(host);
        await host.Service<LockdownService>().SetAlertWebhookAsync(Actor.System, null);
    }

    [Fact]
    public async Task Hub_SubscribeLockdown_GetsStateThenLockdownMessageOnEngage()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var states = Channel.CreateUnbounded<LockdownHubState>();
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        hub.On<LockdownHubState>(ConsoleHub.LockdownMethod, s => states.Writer.TryWrite(s));

        await hub.InvokeAsync("Subscribe", Topics.Lockdown);
        var initial = await ReadAsync(states);
        (await LockdownHostScope.EngageAsync(oncall, "hub test")).Dispose();
        var engaged = await ReadAsync(states);

        Assert.False(initial.Locked);
        Assert.True(engaged.Locked);
        Assert.Equal("hub test", engaged.Lockdown!.Reason);
    }

    [Fact]
    public async Task Hub_SubscribeKillSwitches_GetsFullStateWithVersionThenVersionedEvents()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var snapshots = Channel.CreateUnbounded<KillSwitchSnapshot>();
        var events = Channel.CreateUnbounded<LiveEvent>();
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        hub.On<KillSwitchSnapshot>(ConsoleHub.KillSwitchStateMethod, s => snapshots.Writer.TryWrite(s));
        hub.On<LiveEvent>(ConsoleHub.EventMethod, e => events.Writer.TryWrite(e));

        await hub.InvokeAsync("Subscribe", Topics.KillSwitches);
        var snapshot = await ReadAsync(snapshots);
        using var flip = await oncall.PostAsJsonAsync("/api/kill-switches/ai-kill-switch/flip?scope=locality-zrh", new { on = true, reason = "hub version test" });
        flip.EnsureSuccessStatusCode();
        var flipped = await ReadAsync(events);

        Assert.True(snapshot.Full);
        Assert.Equal(host.Service<KillSwitchService>().CurrentVersion() - 1, snapshot.Version);
        Assert.Equal(snapshot.Version + 1, flipped.Version);
        await oncall.PostAsJsonAsync("/api/kill-switches/ai-kill-switch/flip?scope=locality-zrh", new { on = false, reason = "restore" });
    }

    [Fact]
    public async Task Engage_WithAlertWebhook_PostsAlertAfterCommitAndRecordsDelivery()
    {
        using var receiver = new AlertReceiver(HttpStatusCode.Accepted);
        using var admin = await host.ApiClientAsync(Role.Admin);
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        await ApiRequests.AllowOutboundAsync(admin, "127.0.0.1");
        using var saved = await admin.PutAsJsonAsync("/api/lockdown/settings", new { alertWebhookUrl = receiver.Url });
        saved.EnsureSuccessStatusCode();

        using var engaged = await LockdownHostScope.EngageAsync(oncall, "webhook test");
        var record = await ConsoleHost.ReadAsync<LockdownRecord>(engaged);
        var body = await receiver.FirstBody.WaitAsync(Timeout);

        using var alert = JsonDocument.Parse(body);
        Assert.Equal("EMERGENCY_LOCKDOWN", alert.RootElement.GetProperty("type").GetString());
        Assert.Equal("webhook test", alert.RootElement.GetProperty("reason").GetString());
        Assert.DoesNotContain("oc_", body, StringComparison.Ordinal);
        Assert.Equal("application/json", receiver.FirstContentType?.Split(';')[0]);
        Assert.Equal(202, record.Alert!.StatusCode);
        Assert.True(record.Alert.DurationMs >= 0);
        Assert.Equal(202, host.Service<LockdownService>().Active()!.Alert!.StatusCode);
        var entry = host.Service<Core.Persistence.IConsoleStore>().Read(s => s.Ledger.Head())!;
        Assert.Equal((LockdownActions.AlertWebhook, LedgerOutcome.Allowed), (entry.Action, entry.Outcome));
    }

    [Fact]
    public async Task Engage_WebhookUnreachable_LockdownStandsAndFailureIsRecorded()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        await ApiRequests.AllowOutboundAsync(admin, "127.0.0.1");
        (await admin.PutAsJsonAsync("/api/lockdown/settings", new { alertWebhookUrl = $"http://127.0.0.1:{AlertReceiver.UnusedPort()}/gone" })).Dispose();

        using var engaged = await LockdownHostScope.EngageAsync(oncall, "webhook down test");

        Assert.Equal(HttpStatusCode.Created, engaged.StatusCode);
        var record = host.Service<LockdownService>().Active()!;
        Assert.Null(record.Alert!.StatusCode);
        Assert.False(string.IsNullOrEmpty(record.Alert.Error));
        Assert.Equal(LedgerOutcome.Failed, host.Service<Core.Persistence.IConsoleStore>().Read(s => s.Ledger.Head())!.Outcome);
    }

    [Theory]
    [InlineData("ftp://example.org/hook")]
    [InlineData("/relative/hook")]
    [InlineData("not a url")]
    public async Task Settings_NotAnAbsoluteHttpUrl_Returns400(string url)
    {
        using var admin = await host.ApiClientAsync(Role.Admin);

        using var response = await admin.PutAsJsonAsync("/api/lockdown/settings", new { alertWebhookUrl = url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("alertWebhookUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_ReadByOnCall_Returns403_ByAdmin200()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);
        using var oncall = await host.ApiClientAsync(Role.OnCall);

        using var denied = await oncall.GetAsync("/api/lockdown/settings");
        using var allowed = await admin.GetAsync("/api/lockdown/settings");

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private static async Task<T> ReadAsync<T>(Channel<T> channel)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await channel.Reader.ReadAsync(cts.Token);
    }
}
