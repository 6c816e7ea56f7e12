using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Alerts;

/// <summary>GET /api/alerts and the "alerts" hub topic: routed and unrouted alerts are listed and announced.</summary>
public sealed class AlertListTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private async Task PostAsync(string alertName, string scope)
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var body = $$"""{"alerts":[{"name":"{{alertName}}","labels":{"scope":"{{scope}}"},"startsAt":"2026-11-29T20:00:00Z"}]}""";
        (await client.PostAsync("/api/alerts/webhook", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ListAlerts_RoutedFalse_OnlyUnroutedWithNoRuleIncidentOrRunbook()
    {
        await PostAsync("NobodyRoutesThis", "list-test");
        await PostAsync("StalePack", "list-test");
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var unrouted = await viewer.GetFromJsonAsync<List<AlertRecord>>("/api/alerts?routed=false", ConsoleHost.ApiJson);

        var alert = Assert.Single(unrouted!, a => a.AlertName == "NobodyRoutesThis");
        Assert.Equal((null, null, null), (alert.RuleName, alert.IncidentId, alert.RunbookSlug));
        Assert.DoesNotContain(unrouted!, a => a.AlertName == "StalePack");
    }

    [Fact]
    public async Task Subscribe_AlertsTopic_HubClientToldOfAnUnroutedAlert()
    {
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<LiveEvent>("event", e =>
        {
            if (e.Kind == AlertActions.Received)
            {
                received.TrySetResult(e);
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.Alerts);

        await PostAsync("HubNobodyRoutes", "hub-test");

        var liveEvent = await received.Task.WaitAsync(EventTimeout);
        Assert.Equal(Topics.Alerts, liveEvent.Topic);
        Assert.Contains("HubNobodyRoutes", liveEvent.Summary, StringComparison.Ordinal);
    }
}
