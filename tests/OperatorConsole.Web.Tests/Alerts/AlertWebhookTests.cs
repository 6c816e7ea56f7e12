using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Alerts;

/// <summary>The webhook endpoints over HTTP: valid deliveries route, bad ones get a clear problem and store nothing.</summary>
public sealed class AlertWebhookTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Alertmanager = "/api/alerts/alertmanager";
    private const string Webhook = "/api/alerts/webhook";

    private static string AlertmanagerBody(string alertName, string scope, string status = "firing") => $$"""
        {"version":"4","groupKey":"{}:{alertname=\"{{alertName}}\"}","truncatedAlerts":0,"status":"{{status}}","receiver":"console",
         "groupLabels":{"alertname":"{{alertName}}"},"commonLabels":{"alertname":"{{alertName}}","scope":"{{scope}}"},"commonAnnotations":{},
         "externalURL":"http://127.0.0.1:9093","alerts":[{"status":"{{status}}","labels":{"alertname":"{{alertName}}","scope":"{{scope}}"},
         "annotations":{"summary":"manifest too old"},"startsAt":"2026-11-29T20:00:00Z","endsAt":"0001-01-01T00:00:00Z",
         "generatorURL":"http://127.0.0.1:9090/graph?g0.expr=age","fingerprint":"{{alertName}}-{{scope}}"}]}
        """;

    private async Task<HttpClient> BearerClientAsync(Role roles)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.CreateApiKeyAsync(roles));
        return client;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    private int StoredCount() => host.Service<AlertService>().Recent(take: AlertService.MaxList).Count
        + host.Service<AlertService>().Deliveries(Actor.System, AlertIntake.DeliveriesKept).Count;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Alertmanager_ValidPayloadWithBearerKey_OpensIncidentWithSeededRuleSeverity()
    {
        using var client = await BearerClientAsync(Role.OnCall);

        using var response = await PostAsync(client, Alertmanager, AlertmanagerBody("StalePack", "web-valid"));

        var result = await ConsoleHost.ReadAsync<IntakeResult>(response.EnsureSuccessStatusCode());
        var incident = host.Service<IncidentService>().Get(Assert.Single(result.OpenedIncidents))!;
        Assert.Equal((IncidentSeverity.Sev2, IncidentClass.StalePackBreach), (incident.Severity, incident.Class));
        Assert.StartsWith("Pause confidence claims", incident.FirstAction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "body")]
    [InlineData("{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"", "alerts[0].labels.alertname")] // truncated where it broke off
    [InlineData("{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":7},\"startsAt\":\"2026-11-29T20:00:00Z\"}]}", "alerts[0].labels.alertname")]
    [InlineData("{\"version\":\"4\",\"alerts\":\"many\"}", "alerts")]
    [InlineData("{\"version\":\"4\"}", "body")]
    [InlineData("{\"version\":\"3\",\"alerts\":[]}", "version")]
    [InlineData("{\"version\":\"4\",\"alerts\":[]}", "alerts")]
    [InlineData("{\"version\":\"4\",\"alerts\":[{\"status\":\"burning\",\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"2026-11-29T20:00:00Z\"}]}", "alerts[0].status")]
    public async Task Alertmanager_BadBody_400ProblemNamingTheFieldAndNothingStored(string body, string field)
    {
        using var client = await BearerClientAsync(Role.OnCall);
        var before = StoredCount();

        using var response = await PostAsync(client, Alertmanager, body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, StoredCount());
    }

    [Fact]
    public async Task Alertmanager_OversizedBody_413AndNothingStored()
    {
        using var client = await BearerClientAsync(Role.OnCall);
        var before = StoredCount();
        var huge = "{\"version\":\"4\",\"alerts\":[],\"padding\":\"" + new string('x', (int)Web.Features.Alerts.AlertEndpoints.MaxBodyBytes) + "\"}";

        using var response = await PostAsync(client, Alertmanager, huge);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, StoredCount());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Alertmanager_NoOrUnknownBearerKey_401AndNothingStored(string? key)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var before = StoredCount();

        using var response = await PostAsync(client, Alertmanager, AlertmanagerBody("StalePack", "web-anonymous"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, StoredCount());
    }

    [Fact]
    public async Task Alertmanager_ViewerKey_403BeforeLookingAtTheBody()
    {
        using var client = await BearerClientAsync(Role.Viewer);

        using var response = await PostAsync(client, Alertmanager, "not json at all");

        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Alertmanager_TextPlainBody_415()
    {
        using var client = await BearerClientAsync(Role.OnCall);

        using var response = await PostAsync(client, Alertmanager, AlertmanagerBody("StalePack", "web-text"), "text/plain");

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Webhook_NoFingerprintSentTwice_SecondChangesNothing()
    {
        using var client = await BearerClientAsync(Role.OnCall);
        const string body = """{"alerts":[{"name":"GenericDiskFull","labels":{"host":"db-1"},"startsAt":"2026-11-29T20:00:00Z","generatorURL":"javascript:alert(1)"}]}""";

        (await PostAsync(client, Webhook, body)).EnsureSuccessStatusCode();
        using var second = await PostAsync(client, Webhook, body);

        var result = await ConsoleHost.ReadAsync<IntakeResult>(second.EnsureSuccessStatusCode());
        Assert.Contains("0 new (0 unrouted), 0 resolved, 1 unchanged", result.Delivery.Outcome, StringComparison.Ordinal);
        var stored = Assert.Single(host.Service<AlertService>().Recent(routed: false), a => a.AlertName == "GenericDiskFull");
        Assert.Equal((IncomingAlerts.Fingerprint(stored.Labels), null), (stored.Fingerprint, stored.GeneratorUrl));
    }

    [Fact]
    public async Task Webhook_NoAlertName_400NamingTheField()
    {
        using var client = await BearerClientAsync(Role.OnCall);

        using var response = await PostAsync(client, Webhook, """{"alerts":[{"labels":{"host":"db-1"},"startsAt":"2026-11-29T20:00:00Z"}]}""");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("alerts[0].name", out _), problem.ToString());
    }

    [Fact]
    public async Task Me_BearerKey_AuthenticatesLikeXApiKey()
    {
        using var client = await BearerClientAsync(Role.Admin);

        using var response = await client.GetAsync("/api/me");

        var me = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
