using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Web.Hubs;
using Xunit.Abstractions;

namespace OperatorConsole.E2E.Lockdown;

/// <summary>
/// The panic button in one browser puts the banner in both and reaches a hub client; the release is requested in one
/// browser and confirmed by a second person in the other (four-eyes), and the banner leaves both.
/// </summary>
public sealed class LockdownTwoBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Reason = "bad pack spreading to every locality (e2e)";
    private const string ReleaseReason = "last known good pack restored, checksums verified (e2e)";

    [Fact]
    public async Task LockdownInOneBrowser_BannerInBoth_ReleasedByASecondPerson()
    {
        var first = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        var second = await fixture.SignedInPageAsync("oncall2", "demo-oncall2");
        await BrowserFixture.GotoInteractiveAsync(first, "/lockdown");
        await BrowserFixture.GotoInteractiveAsync(second, "/kill-switches");
        await Assertions.Expect(first.GetByTestId("lockdown-banner")).ToHaveCountAsync(0);

        var states = Channel.CreateUnbounded<(LockdownHubState State, TimeSpan At)>();
        var clock = new Stopwatch();
        await using var hub = await fixture.Host.ConnectHubAsync(await fixture.Host.CreateApiKeyAsync(Role.Viewer));
        hub.On<LockdownHubState>(ConsoleHub.LockdownMethod, s => states.Writer.TryWrite((s, clock.Elapsed)));
        await hub.InvokeAsync("Subscribe", Topics.Lockdown);
        Assert.False((await ReadAsync(states)).State.Locked);

        // Browser 1 presses the button: a reason, then the dialog that says what will happen.
        await first.GetByTestId("lockdown-reason").FillAsync(Reason);
        await first.GetByTestId("lockdown-engage-button").ClickAsync();
        await Assertions.Expect(first.Locator(".mud-dialog")).ToContainTextAsync("refuses every management action");
        clock.Start();
        await first.GetByRole(AriaRole.Button, new() { Name = "Lock the console down" }).ClickAsync();

        await Assertions.Expect(second.GetByTestId("lockdown-banner")).ToContainTextAsync(Reason);
        var bannerLatency = clock.Elapsed;
        await Assertions.Expect(first.GetByTestId("lockdown-banner")).ToContainTextAsync("Omar On-call");
        await Assertions.Expect(second.Locator(".mud-snackbar", new() { HasText = Reason })).ToBeVisibleAsync();
        var locked = await ReadAsync(states);
        Assert.True(locked.State.Locked);
        Assert.Equal(Reason, locked.State.Lockdown!.Reason);
        await BrowserFixture.ScreenshotAsync(first, "lockdown-engaged-first");
        await BrowserFixture.ScreenshotAsync(second, "lockdown-engaged-second");

        // A management action in browser 2 is no longer offered, and says why.
        await second.Locator("[data-testid=kill-switch-key][data-switch='publish-pipeline-freeze@global']").ClickAsync();
        await Assertions.Expect(second.GetByTestId("drill")).ToBeDisabledAsync();
        await Assertions.Expect(second.Locator("[data-refusal='kill-switch.drill']")).ToHaveAttributeAsync("aria-label", new Regex("Release it first\\.$"));

        // Browser 1 asks to release; under four-eyes it waits for a second person.
        await first.GetByTestId("release-reason").FillAsync(ReleaseReason);
        await first.GetByTestId("release-request").ClickAsync();
        await Assertions.Expect(first.Locator(".mud-dialog")).ToContainTextAsync("second OnCall or IncidentOwner");
        await first.GetByRole(AriaRole.Button, new() { Name = "Request release" }).ClickAsync();
        await Assertions.Expect(first.GetByTestId("waiting-second-person")).ToBeVisibleAsync();

        // Browser 2 opens the lockdown page and confirms through the dialog.
        await BrowserFixture.GotoInteractiveAsync(second, "/lockdown");
        await Assertions.Expect(second.GetByTestId("pending-release")).ToContainTextAsync(ReleaseReason);
        await second.GetByTestId("dark-mode").ClickAsync();
        await BrowserFixture.ScreenshotAsync(second, "lockdown-pending-release-second-dark");
        await second.GetByTestId("confirm-release").ClickAsync();
        await Assertions.Expect(second.Locator(".mud-dialog")).ToContainTextAsync("as the second person");
        clock.Restart();
        await second.GetByRole(AriaRole.Button, new() { Name = "Confirm release" }).ClickAsync();

        await Assertions.Expect(first.GetByTestId("lockdown-banner")).ToHaveCountAsync(0);
        var releaseLatency = clock.Elapsed;
        await Assertions.Expect(second.GetByTestId("lockdown-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(first.GetByTestId("lockdown-engage")).ToBeVisibleAsync();
        var released = await ReadAsync(states);
        Assert.False(released.State.Locked);
        await BrowserFixture.ScreenshotAsync(first, "lockdown-released-first");

        output.WriteLine($"lockdown -> banner in the other browser: {bannerLatency.TotalMilliseconds:F0} ms (upper bound, includes Playwright polling)");
        output.WriteLine($"lockdown -> hub 'lockdown' message: {locked.At.TotalMilliseconds:F0} ms from the click");
        output.WriteLine($"confirm release -> banner gone in the requester's browser: {releaseLatency.TotalMilliseconds:F0} ms; hub: {released.At.TotalMilliseconds:F0} ms");
    }

    private static async Task<(LockdownHubState State, TimeSpan At)> ReadAsync(Channel<(LockdownHubState State, TimeSpan At)> channel)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await channel.Reader.ReadAsync(cts.Token);
    }
}
