using System.Net.Http.Json;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Testing;
using OperatorConsole.Web.Features.Incidents;

namespace OperatorConsole.E2E.ScaleOut;

/// <summary>
/// Browsers kept on different instances of one cluster (as a sticky load balancer does) see each other's changes live:
/// the Redis bus carries what one instance commits to the pages open on the other.
/// </summary>
public sealed class ClusterBrowserTests(ClusterBrowserFixture fixture) : IClassFixture<ClusterBrowserFixture>
{
    /// <summary>Set on the page before the change and read after it: a reload would have dropped it.</summary>
    private const string NoReloadMarker = "window.__sameDocument";

    [Fact]
    public async Task FlipThroughApiOnA_KillSwitchPageOnB_ShowsItWithoutReload()
    {
        var cluster = fixture.Cluster;
        var created = await cluster.A.Service<KillSwitchService>().CreateAsync(Actor.System,
            new KillSwitchDefinition("cluster-browser-flip", KillSwitch.GlobalScope, "Flipped on A, watched on B", DefaultOn: false));
        var viewer = await fixture.SignedInPageAsync(cluster.B, "viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(viewer, "/kill-switches");
        var state = viewer.Locator($"[data-testid=kill-switch-state][data-switch='{created.Id}']");
        await Assertions.Expect(state).ToHaveTextAsync("off");
        await viewer.EvaluateAsync($"{NoReloadMarker} = true");

        using var oncall = await cluster.A.ApiClientAsync(Role.OnCall);
        using var flip = await oncall.PostAsJsonAsync($"/api/kill-switches/{created.Key}/flip", new { on = true, reason = "flipped through instance A" });
        flip.EnsureSuccessStatusCode();

        await Assertions.Expect(state).ToHaveTextAsync("ON");
        Assert.True(await viewer.EvaluateAsync<bool>(NoReloadMarker));
        await BrowserFixture.ScreenshotAsync(viewer, "cluster-kill-switches-on-b");
    }

    [Fact]
    public async Task NoteAddedOnBPage_IncidentPageOnA_ShowsItWithoutReload()
    {
        var cluster = fixture.Cluster;
        var incident = await cluster.A.Service<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident("Worked from two instances", IncidentClass.Other, IncidentSeverity.Sev3, ["zrh"], null));
        var onA = await fixture.SignedInPageAsync(cluster.A, "owner", "demo-owner");
        var onB = await fixture.SignedInPageAsync(cluster.B, "oncall", "demo-oncall");
        await BrowserFixture.GotoInteractiveAsync(onA, $"/{IncidentLinks.Act(incident.Id)}");
        await BrowserFixture.GotoInteractiveAsync(onB, $"/{IncidentLinks.Act(incident.Id)}");
        await onA.EvaluateAsync($"{NoReloadMarker} = true");

        await onB.GetByTestId("note-input").FillAsync("Noted on instance B");
        await onB.GetByTestId("add-note").ClickAsync();

        await Assertions.Expect(onA.GetByTestId("timeline")).ToContainTextAsync("Noted on instance B");
        Assert.True(await onA.EvaluateAsync<bool>(NoReloadMarker));
        await BrowserFixture.ScreenshotAsync(onA, "cluster-incident-note-on-a");
    }
}
