using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.E2E.Shared;
using Xunit.Abstractions;

namespace OperatorConsole.E2E.KillSwitches;

/// <summary>
/// A flip with a row's inline toggle in one browser reaches another browser and a hub subscriber (the official .NET
/// SignalR client) live; a missing reason is said under the reason field.
/// </summary>
public sealed class KillSwitchLiveTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string SwitchId = "pause-agent-execution@global";
    private const string ConsoleHubEvent = "event";
    private const string Reason = "agents writing to the wrong tenant (e2e)";

    [Fact]
    public async Task FlipInOneBrowser_MovesTheOtherBrowserAndReachesTheHubClient()
    {
        var oncall = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(oncall, "/kill-switches");
        await BrowserFixture.GotoInteractiveAsync(viewer, "/kill-switches");
        var viewerState = viewer.Locator($"[data-testid=kill-switch-state][data-switch='{SwitchId}']");
        await Assertions.Expect(viewerState).ToHaveTextAsync("off");

        // A service-style subscriber: viewer API key, subscribed to the topic, then the full state with its version.
        var key = await fixture.Host.CreateApiKeyAsync(Role.Viewer);
        await using var hub = await fixture.Host.ConnectHubAsync(key);
        var flipped = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var hubLatency = TimeSpan.Zero;
        hub.On<LiveEvent>(ConsoleHubEvent, e =>
        {
            if (e.Kind == "kill-switch.flipped" && e.Subject == SwitchId && flipped.TrySetResult(e))
            {
                hubLatency = clock.Elapsed;
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.KillSwitches);
        var before = await hub.InvokeAsync<KillSwitchSnapshot>("GetKillSwitches", 0L);
        Assert.True(before.Full);
        Assert.False(before.Switches.Single(s => s.Id == SwitchId).On);

        // On-call turns the row's toggle on, which asks for a reason in place, and sends it.
        var toggle = oncall.Locator($"[data-testid=kill-switch-toggle][data-switch='{SwitchId}']");
        await toggle.GetByRole(AriaRole.Switch, new() { Name = "Kill switch pause-agent-execution at global: off" }).ClickAsync();
        await toggle.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(toggle.GetByTestId("inline-flip-form")).ToContainTextAsync("A reason is required.");
        await toggle.GetByLabel("Reason").FillAsync(Reason);
        clock.Start();
        await toggle.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();

        // In the order the flip travels, so a failure says how far it got: stored and published, shown to its author,
        // then on the viewer's page without a reload, telling who and why.
        var hubEvent = await flipped.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(Topics.KillSwitches, hubEvent.Topic);
        Assert.Contains(Reason, hubEvent.Summary, StringComparison.Ordinal);
        await Assertions.Expect(oncall.Locator($"[data-testid=kill-switch-state][data-switch='{SwitchId}']")).ToHaveTextAsync("ON");
        await Assertions.Expect(viewerState).ToHaveTextAsync("ON");
        var browserLatency = clock.Elapsed;
        await Assertions.Expect(viewer.GetByTestId("kill-switch-notice")).ToContainTextAsync(Reason);
        await Assertions.Expect(viewer.Locator($"tr:has([data-switch='{SwitchId}']) [data-testid=validation-pending]")).ToBeVisibleAsync();

        // A client that remembers the version it had gets exactly the flip on catch-up.
        var missed = await hub.InvokeAsync<KillSwitchSnapshot>("GetKillSwitches", before.Version);
        Assert.False(missed.Full);
        var caughtUp = Assert.Single(missed.Switches);
        Assert.Equal(SwitchId, caughtUp.Id);
        Assert.True(caughtUp.On);
        Assert.Equal(Reason, caughtUp.LastChange?.Reason);

        output.WriteLine($"flip -> other browser: {browserLatency.TotalMilliseconds:F0} ms (upper bound: taken after the hub client and the author's page; includes Playwright polling)");
        output.WriteLine($"flip -> hub client: {hubLatency.TotalMilliseconds:F0} ms (from the click)");
        await oncall.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(viewer, "kill-switches-viewer-after-flip");
        await BrowserFixture.ScreenshotAsync(oncall, "kill-switches-oncall-after-flip");
    }
}
