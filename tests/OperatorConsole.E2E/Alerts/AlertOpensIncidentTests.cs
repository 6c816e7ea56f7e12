using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;

namespace OperatorConsole.E2E.Alerts;

/// <summary>An alert arriving over the webhook shows up, as an incident with its runbook, in a browser that was already open.</summary>
public sealed class AlertOpensIncidentTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Webhook_FallbackSpikeAlert_IncidentAppearsLiveWithRunbookOffered()
    {
        var admin = fixture.Host.Service<UserService>().Find("admin")!.ToActor();
        await fixture.Host.Service<RunbookService>().ImportAsync(admin, "fallback-spike.md",
            Encoding.UTF8.GetBytes("# FallbackSpike\n\n## Steps\n\n1. Halt lane graduation.\n2. Inspect locality policy state.\n"));
        var page = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(page, "/incidents");

        using var webhook = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        webhook.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Host.CreateApiKeyAsync(Role.OnCall));
        using var response = await webhook.PostAsync("/api/alerts/webhook", new StringContent(
            """{"alerts":[{"name":"FallbackSpike","labels":{"scope":"coimbra"},"startsAt":"2026-11-29T20:00:00Z","generatorURL":"http://127.0.0.1:9090/graph"}]}""",
            Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();

        var row = page.GetByTestId("incident-table").Locator("tr", new() { HasText = "Fallback spike: FallbackSpike (coimbra)" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("first-action")).ToContainTextAsync("Halt lane graduation and inspect locality/country policy state.");
        await page.GetByTestId("incident-act").ClickAsync();
        await page.GetByTestId("circuit-up").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("run-alert-runbook")).ToHaveTextAsync("Run FallbackSpike");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Alert FallbackSpike firing");
        await BrowserFixture.ScreenshotAsync(page, "alert-opened-incident");
    }
}
