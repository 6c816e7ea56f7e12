using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Testing;

namespace OperatorConsole.E2E.Home;

/// <summary>
/// The command centre open in a viewer's browser follows what others do without a reload: an incident opened, a
/// switch flipped and a lockdown engaged by an on-call engineer's service client through the API.
/// </summary>
public sealed class CommandCentreLiveTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task IncidentSwitchAndLockdownElsewhere_HomePageShowsEachLive()
    {
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(viewer, "/");
        await Assertions.Expect(viewer.GetByTestId("card-lockdown")).ToHaveAttributeAsync("data-locked", "false");
        await Assertions.Expect(viewer.Locator("[data-testid=card-scopes] [data-testid=scope-bad][data-scope=porto]")).ToBeVisibleAsync();
        using var oncall = await fixture.Host.ApiClientAsync(Role.OnCall);

        using var opened = await oncall.PostAsJsonAsync("/api/incidents",
            new { title = "Porto overlay serving glass as paper (e2e)", @class = "BadPublish", severity = "Sev1", scopes = new[] { "porto" } }, ConsoleHost.ApiJson);
        var incidentId = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        await Assertions.Expect(viewer.Locator($"[data-testid=card-incidents] [data-incident='{incidentId}']")).ToContainTextAsync("SEV-1");

        (await oncall.PostAsJsonAsync("/api/kill-switches/pause-agent-execution/flip",
            new { on = true, reason = "agents writing to porto (e2e)", incidentId })).EnsureSuccessStatusCode();
        await Assertions.Expect(viewer.Locator("[data-testid=card-switches] [data-switch='pause-agent-execution@global']"))
            .ToContainTextAsync("agents writing to porto (e2e)");

        (await oncall.PostAsJsonAsync("/api/lockdown", new { reason = "bad pack spreading (e2e)", incidentId })).EnsureSuccessStatusCode();
        await Assertions.Expect(viewer.GetByTestId("card-lockdown")).ToHaveAttributeAsync("data-locked", "true");
        await Assertions.Expect(viewer.GetByTestId("card-lockdown")).ToContainTextAsync("bad pack spreading (e2e)");
        await BrowserFixture.ScreenshotAsync(viewer, "command-centre-live");
    }
}
