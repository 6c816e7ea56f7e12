using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Notifications;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Notifications;

/// <summary>Outgoing webhooks against a real receiver on a loopback port: bodies, retries, giving up.</summary>
public sealed class WebhookDeliveryTests(NotificationHost fixture) : IClassFixture<NotificationHost>
{
    private readonly ConsoleHost _host = fixture.Host;

    [Fact]
    public async Task SendTest_GenericWebhook_ReceivedOnLoopbackAndRecordedDelivered()
    {
        using var receiver = new WebhookReceiver();
        var (admin, id) = await AddWebhookAsync(receiver, "Generic");
        var settled = SettledAsync(id);

        using var test = await admin.PostAsync($"/api/notifications/webhooks/{id}/test", null);
        var body = JsonDocument.Parse(await receiver.NextBodyAsync()).RootElement;
        var delivery = await settled;

        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        Assert.Equal("test", body.GetProperty("event").GetString());
        Assert.Equal("Test from OperatorConsole", body.GetProperty("title").GetString());
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(200, delivery.Attempts.Single().StatusCode);
    }

    [Fact]
    public async Task OpenIncident_Sev1WithSlackWebhook_ReceivesTextAndBlocks()
    {
        using var receiver = new WebhookReceiver();
        await AddWebhookAsync(receiver, "Slack", "IncidentOpened");
        var owner = _host.Service<UserService>().Find("owner")!.ToActor();

        var incident = await _host.Service<IncidentService>().OpenAsync(owner, new OpenIncident(
            "Resolver answers stale packs", IncidentClass.BadPublish, IncidentSeverity.Sev1, ["porto"], "Resolver health"));
        var body = JsonDocument.Parse(await receiver.NextBodyAsync()).RootElement;

        Assert.Contains("SEV-1 incident opened: Resolver answers stale packs", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        var section = body.GetProperty("blocks")[0];
        Assert.Equal("mrkdwn", section.GetProperty("text").GetProperty("type").GetString());
        Assert.Contains($"/incidents/{incident.Id}", body.GetProperty("blocks")[1].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_FirstAnswer500_RetriedThenDelivered()
    {
        using var receiver = new WebhookReceiver(HttpStatusCode.InternalServerError, HttpStatusCode.OK);
        var (admin, id) = await AddWebhookAsync(receiver, "Generic");
        var settled = SettledAsync(id);

        (await admin.PostAsync($"/api/notifications/webhooks/{id}/test", null)).Dispose();
        var delivery = await settled;

        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal([500, 200], delivery.Attempts.Select(a => a.StatusCode ?? 0));
        Assert.Equal("HTTP 500", delivery.Attempts[0].Error);
        Assert.Equal(2, receiver.Received);
    }

    [Fact]
    public async Task Deliver_AlwaysFailing_GivesUpAfterMaxAttemptsAndShowsEachAttempt()
    {
        using var receiver = new WebhookReceiver(HttpStatusCode.ServiceUnavailable);
        var (admin, id) = await AddWebhookAsync(receiver, "Generic");
        var settled = SettledAsync(id);

        (await admin.PostAsync($"/api/notifications/webhooks/{id}/test", null)).Dispose();
        await settled;
        var shown = await ApiAnswers.OkAsync<List<NotificationDelivery>>(await admin.GetAsync($"/api/notifications/deliveries?webhookId={id}"));

        var delivery = Assert.Single(shown);
        Assert.Equal(DeliveryStatus.GaveUp, delivery.Status);
        Assert.Equal(NotificationHost.MaxAttempts, delivery.Attempts.Count);
        Assert.All(delivery.Attempts, a => Assert.Equal(503, a.StatusCode));
        Assert.Equal(NotificationHost.MaxAttempts, receiver.Received);
    }

    [Fact]
    public async Task Deliver_DestinationNotAllowed_RecordedAsRefusedWithoutConnecting()
    {
        using var receiver = new WebhookReceiver();
        using var admin = await _host.ApiClientAsync(Role.Admin);
        var url = receiver.Url.Replace("127.0.0.1", "127.0.0.9", StringComparison.Ordinal);
        var created = await ApiAnswers.OkAsync<WebhookView>(await admin.PostAsJsonAsync("/api/notifications/webhooks",
            new { name = "closed", url, format = "Generic", events = new[] { "LockdownEngaged" } }));
        var settled = SettledAsync(created.Id);

        (await admin.PostAsync($"/api/notifications/webhooks/{created.Id}/test", null)).Dispose();
        var delivery = await settled;

        Assert.Equal(DeliveryStatus.GaveUp, delivery.Status);
        Assert.All(delivery.Attempts, a => Assert.StartsWith("refused:", a.Error, StringComparison.Ordinal));
        Assert.Equal(0, receiver.Received);
    }

    private async Task<(HttpClient Admin, string Id)> AddWebhookAsync(WebhookReceiver receiver, string format, params string[] events)
    {
        var admin = await _host.ApiClientAsync(Role.Admin);
        await ApiRequests.AllowOutboundAsync(admin, "127.0.0.1");
        var created = await ApiAnswers.OkAsync<WebhookView>(await admin.PostAsJsonAsync("/api/notifications/webhooks",
            new { name = $"chat-{format}", url = receiver.Url, format, events = events.Length == 0 ? ["LockdownEngaged"] : events }));
        return (admin, created.Id);
    }

    /// <summary>The delivery to <paramref name="webhookId"/> once it is delivered or given up; subscribe before acting.</summary>
    private Task<NotificationDelivery> SettledAsync(string webhookId)
    {
        var settled = new TaskCompletionSource<NotificationDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host.Service<NotificationOutbox>().Recorded += d =>
        {
            if (d.WebhookId == webhookId && d.Status != DeliveryStatus.Pending)
            {
                settled.TrySetResult(d);
            }
        };
        return settled.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
