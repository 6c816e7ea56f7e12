using System.Net;
using System.Net.Http.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Notifications;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Notifications;

/// <summary>Configuring webhooks: the URL is a secret once saved, bad input is a 400 naming the field, only an Admin may.</summary>
public sealed class WebhookConfigTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string SecretPart = "xoxSecretTail";

    [Fact]
    public async Task CreateWebhook_SlackUrl_SecretAbsentFromAnswersLedgerLogsAndPage()
    {
        using var receiver = new WebhookReceiver();
        using var admin = await host.ApiClientAsync(Role.Admin);
        await ApiRequests.AllowOutboundAsync(admin, "127.0.0.1");
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Service<NotificationOutbox>().Recorded += d => settled.TrySetResult();

        using var created = await admin.PostAsJsonAsync("/api/notifications/webhooks",
            new { name = "ops chat", url = receiver.Url, format = "Slack", events = new[] { "IncidentOpened", "KillSwitchFlipped" } });
        var view = await ConsoleHost.ReadAsync<WebhookView>(created);
        (await admin.PostAsync($"/api/notifications/webhooks/{view.Id}/test", null)).Dispose();
        await receiver.NextBodyAsync();
        await settled.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var page = await HostClients.SignedInClientAsync(host, "admin", ConsoleHost.AdminPassword);

        Assert.StartsWith("http://127.0.0.1:", view.UrlHint, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPart, await admin.GetStringAsync("/api/notifications/webhooks"), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPart, await admin.GetStringAsync("/api/notifications/deliveries"), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPart, await admin.GetStringAsync("/api/ledger/export"), StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPart, await page.GetStringAsync("/admin/notifications"), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.All(), line => line.Contains(SecretPart, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://chat.example/hook", "LockdownEngaged", "Generic", "url")]
    [InlineData("", "LockdownEngaged", "Generic", "url")]
    [InlineData("https://chat.example/hook", "Everything", "Generic", "events")]
    [InlineData("https://chat.example/hook", "Test", "Generic", "events")]
    [InlineData("https://chat.example/hook", "LockdownEngaged", "Teams", "format")]
    public async Task CreateWebhook_BadInput_400NamingTheFieldAndNothingStored(string url, string @event, string format, string field)
    {
        using var admin = await host.ApiClientAsync(Role.Admin);
        var before = await CountAsync(admin);

        using var response = await admin.PostAsJsonAsync("/api/notifications/webhooks", new { name = "bad", url, format, events = new[] { @event } });

        var problem = await ApiAnswers.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await CountAsync(admin));
    }

    [Fact]
    public async Task CreateWebhook_Viewer_Refused403AndNothingStored()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        using var admin = await host.ApiClientAsync(Role.Admin);
        var before = await CountAsync(admin);

        using var response = await viewer.PostAsJsonAsync("/api/notifications/webhooks",
            new { name = "sneaky", url = "https://chat.example/hook", format = "Generic", events = new[] { "LockdownEngaged" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await CountAsync(admin));
    }

    [Fact]
    public async Task UpdateWebhook_WithoutUrl_KeepsTheStoredUrlAndLedgersTheChange()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);
        var created = await ApiAnswers.OkAsync<WebhookView>(await admin.PostAsJsonAsync("/api/notifications/webhooks",
            new { name = "before", url = "https://chat.example/services/abcdefghijkl", format = "Generic", events = new[] { "LaunchGo" } }));

        var updated = await ApiAnswers.OkAsync<WebhookView>(await admin.PutAsJsonAsync($"/api/notifications/webhooks/{created.Id}",
            new { name = "after", format = "Slack", events = new[] { "LaunchGo", "RollbackTimerBreached" } }));

        Assert.Equal("after", updated.Name);
        Assert.Equal(created.UrlHint, updated.UrlHint);
        Assert.Equal([NotificationEvent.LaunchGo, NotificationEvent.RollbackTimerBreached], updated.Events);
        Assert.Contains($"webhook:{created.Id}", await admin.GetStringAsync("/api/ledger?action=notifications.update"), StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<List<WebhookView>>("/api/notifications/webhooks", ConsoleHost.ApiJson))!.Count;
}
