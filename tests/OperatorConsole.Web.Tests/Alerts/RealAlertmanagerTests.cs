using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Alerts;

/// <summary>
/// The real thing end to end: an alert posted to a real Alertmanager reaches the console through its webhook receiver
/// (Bearer key), opens the incident with the matrix's severity and the runbook named like the alert; the console
/// silences it in Alertmanager and expires the silence; the resolution arrives and lands on the timeline.
/// </summary>
public sealed class RealAlertmanagerTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly int _alertmanagerPort = AlertReceiver.UnusedPort();
    private readonly ConsoleHost _host;
    private readonly HttpClient _alertmanagerApi;
    private AlertmanagerProcess? _alertmanager;

    public RealAlertmanagerTests()
    {
        _host = ConsoleHost.WithSettings(("Alerts:AlertmanagerUrl", $"http://127.0.0.1:{_alertmanagerPort}"));
        _alertmanagerApi = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_alertmanagerPort}/") };
    }

    public void Dispose()
    {
        _alertmanager?.Dispose();
        _alertmanagerApi.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task Alertmanager_FiringSilencedResolved_IncidentWithRunbookSilenceAndResolutionOnTimeline()
    {
        var admin = _host.Service<UserService>().Find("admin")!.ToActor();
        await _host.Service<OutboundService>().AllowAsync(admin, "127.0.0.1/32", "the test's alertmanager");
        var runbook = await _host.Service<RunbookService>().ImportAsync(admin, "resolver-health.md",
            Encoding.UTF8.GetBytes("# ResolverHealth\n\n## Steps\n\n1. Probe the resolver.\n2. Rebind if it serves a bad pack.\n"));
        _alertmanager = new AlertmanagerProcess(_alertmanagerPort, new Uri(_host.BaseAddress, "/api/alerts/alertmanager").ToString(),
            await _host.CreateApiKeyAsync(Role.OnCall));
        using var console = await _host.ApiClientAsync(Role.OnCall);
        await UntilAsync(async () => (await _alertmanagerApi.GetAsync("-/ready")).IsSuccessStatusCode, "alertmanager ready");
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(-5);
        var labels = new Dictionary<string, string> { ["alertname"] = "ResolverHealth", ["severity"] = "critical", ["scope"] = "porto-am" };

        await PostToAlertmanagerAsync(labels, startsAt, endsAt: null);
        var alert = await UntilAsync(async () => (await Alerts(console)).FirstOrDefault(a => a.IncidentId is not null), "the routed alert");

        var incident = (await console.GetFromJsonAsync<Incident>($"/api/incidents/{alert.IncidentId}", ConsoleHost.ApiJson))!;
        Assert.Equal((IncidentSeverity.Sev1, runbook.Runbook.Slug), (incident.Severity, incident.RunbookSlug));

        using var silenced = await console.PostAsJsonAsync("/api/alerts/silences", new { incidentId = incident.Id, durationMinutes = 30 });
        var silence = Assert.Single((await ConsoleHost.ReadAsync<List<AlertSilence>>(silenced.EnsureSuccessStatusCode()))!);
        var inAlertmanager = (await _alertmanagerApi.GetFromJsonAsync<JsonElement>("api/v2/silences")).EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == silence.Id);
        Assert.Equal("active", inAlertmanager.GetProperty("status").GetProperty("state").GetString());
        Assert.Contains(incident.Id, inAlertmanager.GetProperty("comment").GetString(), StringComparison.Ordinal);

        (await console.DeleteAsync($"/api/alerts/silences/{silence.Id}")).EnsureSuccessStatusCode();
        await PostToAlertmanagerAsync(labels, startsAt, endsAt: DateTimeOffset.UtcNow.AddSeconds(-1));

        var timeline = await UntilAsync(async () =>
        {
            var entries = await console.GetFromJsonAsync<List<TimelineEntry>>($"/api/incidents/{incident.Id}/timeline", ConsoleHost.ApiJson);
            return entries!.Any(e => e.Text == "Alert ResolverHealth resolved") ? entries : null;
        }, "the resolution on the timeline");
        Assert.Contains(timeline, e => e.Kind == TimelineKinds.Alert && e.Text == "Alert ResolverHealth firing" && e.Detail!.Contains("scope=porto-am", StringComparison.Ordinal));
    }

    private static async Task<List<AlertRecord>> Alerts(HttpClient console) =>
        (await console.GetFromJsonAsync<List<AlertRecord>>("/api/alerts?routed=true", ConsoleHost.ApiJson))!
            .Where(a => a.AlertName == "ResolverHealth").ToList();

    private async Task PostToAlertmanagerAsync(Dictionary<string, string> labels, DateTimeOffset startsAt, DateTimeOffset? endsAt)
    {
        var alert = new Dictionary<string, object>
        {
            ["labels"] = labels,
            ["annotations"] = new Dictionary<string, string> { ["summary"] = "rules API fails probes" },
            ["generatorURL"] = "http://127.0.0.1:9090/graph?g0.expr=probe_success",
            ["startsAt"] = startsAt.ToString("O"),
        };
        if (endsAt is { } end)
        {
            alert["endsAt"] = end.ToString("O");
        }

        using var response = await _alertmanagerApi.PostAsJsonAsync("api/v2/alerts", new[] { alert });
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Polls until <paramref name="probe"/> yields a value (or true); fails with alertmanager's log past the deadline.</summary>
    private async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            try
            {
                if (await probe() is { } value && value is not false)
                {
                    return value;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Waited for {what}; alertmanager said:{Environment.NewLine}{_alertmanager?.Output}");
            await Task.Delay(200);
        }
    }
}
