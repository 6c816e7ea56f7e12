using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Telemetry;

[Collection(AloneInProcess.Name)]
public sealed class MetricsEndpointTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Scrape_Anonymous_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Scrape_ViewerKey_NamesEveryConsoleInstrument()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        // On a fresh host the first scrape may be the first request: the request-duration histogram is recorded only once
        // a request has ended, so scrape until one has (each scrape is a request).
        var scrape = await ScrapeUntilAsync(viewer, s => s.Has("http_server_request_duration_seconds_count"));

        foreach (var name in new[]
        {
            "operatorconsole_ledger_entries", "operatorconsole_incidents_open", "operatorconsole_killswitches_active",
            "operatorconsole_circuits_open", "operatorconsole_hub_connections", "operatorconsole_live_events_published_total",
            "http_server_request_duration_seconds_count",
        })
        {
            Assert.True(scrape.Has(name), $"/metrics lacks {name}:\n{scrape.Text}");
        }

        Assert.Equal(3, scrape.Samples().Count(s => s.Name == "operatorconsole_incidents_open"));
    }

    [Fact]
    public async Task Scrape_AfterFlip_CountersMoved()
    {
        var key = $"metrics-{Guid.NewGuid():N}"[..20];
        await host.Service<KillSwitchService>().CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Metrics test switch", false));
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        using var onCall = await host.ApiClientAsync(Role.OnCall);
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var flipped = new TaskCompletionSource();
        hub.On<LiveEvent>("event", e =>
        {
            if (e.Subject.StartsWith(key, StringComparison.Ordinal) && e.Kind == "kill-switch.flipped")
            {
                flipped.TrySetResult();
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.KillSwitches);
        var before = await ScrapeAsync(viewer);

        (await onCall.PostAsJsonAsync($"/api/kill-switches/{key}/flip", new { on = true, reason = "metrics test" })).EnsureSuccessStatusCode();
        await flipped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var after = await ScrapeAsync(viewer);

        Assert.Equal(before.Sum("operatorconsole_killswitches_flips_total") + 1, after.Sum("operatorconsole_killswitches_flips_total"));
        Assert.Equal(before.Sum("operatorconsole_killswitches_active") + 1, after.Sum("operatorconsole_killswitches_active"));
        Assert.True(after.Sum("operatorconsole_ledger_entries") > before.Sum("operatorconsole_ledger_entries"));
        Assert.True(after.Sum("operatorconsole_live_events_published_total", "topic=\"kill-switches\"")
            > before.Sum("operatorconsole_live_events_published_total", "topic=\"kill-switches\""));
        Assert.True(after.Sum("operatorconsole_live_events_delivered_total", "topic=\"kill-switches\"")
            > before.Sum("operatorconsole_live_events_delivered_total", "topic=\"kill-switches\""));
        Assert.True(after.Sum("operatorconsole_live_delivery_duration_seconds_count") > before.Sum("operatorconsole_live_delivery_duration_seconds_count"));
        Assert.True(after.Sum("operatorconsole_hub_connections") >= 1);

        // ASP.NET Core records a request's duration once its response has gone out, so the flip may show a scrape later.
        const string FlipRoute = "http_route=\"/api/kill-switches/{key}/flip\"";
        var withFlip = await ScrapeUntilAsync(viewer, s => s.Sum("http_server_request_duration_seconds_count", FlipRoute) >= 1);
        Assert.True(withFlip.Sum("http_server_request_duration_seconds_count", FlipRoute) >= 1);
    }

    [Fact]
    public async Task Scrape_AfterAlertDeliveries_CountsEachOutcome()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        using var onCall = await host.ApiClientAsync(Role.OnCall);
        var before = await ScrapeAsync(viewer);

        var alert = """{"alerts":[{"name":"metrics-NAME","status":"firing","startsAt":"2026-11-29T20:00:00Z","labels":{"scope":"nowhere"}}]}"""
            .Replace("NAME", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        using var recorded = await onCall.PostAsync("/api/alerts/webhook", new StringContent(alert, Encoding.UTF8, "application/json"));
        using var refused = await onCall.PostAsync("/api/alerts/webhook", new StringContent("{}", Encoding.UTF8, "application/json"));
        var after = await ScrapeAsync(viewer);

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        const string Deliveries = "operatorconsole_alerts_deliveries_total";
        Assert.Equal(before.Sum(Deliveries, "outcome=\"recorded\"") + 1, after.Sum(Deliveries, "outcome=\"recorded\""));
        Assert.Equal(before.Sum(Deliveries, "outcome=\"refused\"") + 1, after.Sum(Deliveries, "outcome=\"refused\""));
    }

    private static async Task<PrometheusText> ScrapeUntilAsync(HttpClient client, Func<PrometheusText, bool> shows)
    {
        var scrape = await ScrapeAsync(client);
        for (var attempt = 0; attempt < 100 && !shows(scrape); attempt++)
        {
            scrape = await ScrapeAsync(client);
        }

        return scrape;
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }
}
