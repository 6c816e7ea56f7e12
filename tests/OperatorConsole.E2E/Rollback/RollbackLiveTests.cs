using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Users;
using OperatorConsole.E2E.Shared;
using Xunit.Abstractions;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.Rollback;

/// <summary>
/// The seeded bad Porto publish rolled back in one browser: a second browser watches the steps, probe results and
/// timers live, and a hub client subscribed to "scope:porto" sees the active manifest change.
/// </summary>
public sealed partial class RollbackLiveTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Scope = "porto";
    private const string Bad = "porto-2026.11.22";
    private const string Good = "porto-2026.11.18";

    [Fact]
    public async Task RollbackInOneBrowser_StepsProbesAndTimersLiveInTheOther_HubSeesTheRebind()
    {
        await using var hub = await fixture.Host.ConnectHubAsync(await fixture.Host.CreateApiKeyAsync(Role.Viewer));
        var rebound = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var hubLatency = TimeSpan.Zero;
        hub.On<LiveEvent>("event", e =>
        {
            if (e.Kind == "scope.rebound" && rebound.TrySetResult(e))
            {
                hubLatency = clock.Elapsed;
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.Scope(Scope));
        Assert.Equal(Bad, (await hub.InvokeAsync<ActiveManifest>("GetActiveManifest", Scope)).Active.Id);

        var incident = await fixture.Host.Service<IncidentService>().OpenAsync(
            fixture.Host.Service<UserService>().Find("oncall")!.ToActor(),
            new OpenIncident("Wrong Porto pack live", IncidentClass.BadPublish, IncidentSeverity.Sev1, [Scope], null));

        // Started from the incident: its scope's rollback link carries the incident to the scope page.
        var oncall = await fixture.SignedInPageAsync("oncall", "demo-oncall");
        var viewer = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(oncall, $"/{IncidentLinks.Act(incident.Id)}");
        await oncall.GetByTestId("incident-rollback-links").GetByText($"Roll back {Scope}").ClickAsync();
        await Assertions.Expect(oncall).ToHaveURLAsync(new Regex(Regex.Escape($"/scopes/{Scope}")));
        await oncall.GetByTestId("circuit-up").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(oncall.GetByTestId("rollback-incident")).ToHaveValueAsync(incident.Id);
        await Assertions.Expect(oncall.GetByTestId("active-card-id")).ToHaveTextAsync(Bad);
        await Assertions.Expect(oncall.GetByTestId("lkg-card-id")).ToHaveTextAsync(Good);
        await Assertions.Expect(oncall.GetByTestId("objective-badge")).ToContainTextAsync("unproven");
        await BrowserFixture.ScreenshotAsync(oncall, "scope-porto-before-rollback");

        // The bad publish was confirmed 13 minutes ago: the 15-minute timer starts amber.
        await oncall.GetByTestId("rollback-confirmed-minutes").FillAsync("13");
        await oncall.GetByTestId("start-rollback").ClickAsync();
        await Assertions.Expect(oncall).ToHaveURLAsync(RollbackUrl());
        var runPath = new Uri(oncall.Url).AbsolutePath;
        await BrowserFixture.GotoInteractiveAsync(viewer, runPath);

        var safe = viewer.GetByTestId("timer-safe");
        await Assertions.Expect(safe).ToHaveAttributeAsync("data-status", "Amber");
        var firstReading = await viewer.GetByTestId("timer-safe-clock").InnerTextAsync();
        await Assertions.Expect(viewer.GetByTestId("timer-safe-clock")).Not.ToHaveTextAsync(firstReading);
        await Assertions.Expect(viewer.GetByTestId("timer-integrity")).ToHaveAttributeAsync("data-status", "Running");
        await Assertions.Expect(viewer.GetByTestId("rollback-step-1")).ToHaveAttributeAsync("data-done", "true");

        // Step 2 in browser 1: the resolver probe and both manifests appear in browser 2.
        await BrowserFixture.GotoInteractiveAsync(oncall, runPath);
        await oncall.GetByTestId("rollback-act-2").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("rollback-step-2")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(viewer.GetByTestId("rollback-probe-2")).ToContainTextAsync("Passed");
        await Assertions.Expect(viewer.GetByTestId("rollback-step-2")).ToContainTextAsync(Good);

        // Step 3 through the dialog that says what will happen.
        await oncall.GetByTestId("rollback-act-3").ClickAsync();
        await Assertions.Expect(oncall.GetByTestId("rebind-what")).ToContainTextAsync($"from {Bad}");
        await BrowserFixture.ScreenshotAsync(oncall, "rollback-rebind-dialog");
        clock.Start();
        await oncall.GetByTestId("rebind-confirm").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("rollback-step-3")).ToHaveAttributeAsync("data-done", "true");
        var browserLatency = clock.Elapsed;
        await Assertions.Expect(safe).ToHaveAttributeAsync("data-status", "Met");
        var hubEvent = await rebound.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Contains(Good, hubEvent.Summary, StringComparison.Ordinal);
        output.WriteLine($"rebind confirm -> other browser: {browserLatency.TotalMilliseconds:F0} ms (upper bound, includes Playwright polling)");
        output.WriteLine($"rebind confirm -> hub client: {hubLatency.TotalMilliseconds:F0} ms (from the click)");
        Assert.Equal(Good, (await hub.InvokeAsync<ActiveManifest>("GetActiveManifest", Scope)).Active.Id);

        // Steps 4 and 5: checksums recomputed and read back, then the resolver and rules API probed; step 6 fills itself.
        await oncall.GetByTestId("rollback-act-4").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("rollback-step-4").GetByTestId("checksum-report")).ToHaveAttributeAsync("data-all-match", "true");
        await Assertions.Expect(viewer.GetByTestId("timer-integrity")).ToHaveAttributeAsync("data-status", "Met");
        await oncall.GetByTestId("rollback-act-5").ClickAsync();
        await Assertions.Expect(viewer.GetByTestId("rollback-probe-5")).ToHaveCountAsync(2);
        await Assertions.Expect(viewer.GetByTestId("rollback-step-6")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(viewer.GetByTestId("rollback-outcome")).ToHaveTextAsync("Objective met");
        await BrowserFixture.ScreenshotAsync(viewer, "rollback-completed-viewer");

        await BrowserFixture.GotoInteractiveAsync(viewer, $"/scopes/{Scope}");
        await Assertions.Expect(viewer.GetByTestId("active-card-id")).ToHaveTextAsync(Good);
        var timeline = fixture.Host.Service<IncidentService>().Timeline(incident.Id).Where(e => e.Kind == TimelineKinds.Rollback).ToList();
        Assert.Equal(6, timeline.Count);
        await BrowserFixture.ScreenshotAsync(viewer, "scope-porto-after-rollback");
    }

    [GeneratedRegex("/rollbacks/[0-9a-f]{12}$")]
    private static partial Regex RollbackUrl();
}
