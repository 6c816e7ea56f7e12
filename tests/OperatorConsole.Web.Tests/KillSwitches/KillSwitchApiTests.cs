using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.KillSwitches;

public sealed class KillSwitchApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task List_WithoutApiKey_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await anonymous.GetAsync("/api/kill-switches");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_ViewerApiKey_ReturnsSeededSwitchesWithVersionAndETag()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/kill-switches");

        response.EnsureSuccessStatusCode();
        var snapshot = await ConsoleHost.ReadAsync<KillSwitchSnapshot>(response);
        Assert.True(snapshot.Full);
        Assert.Contains(snapshot.Switches, s => s.Key == "ai-kill-switch" && s.Scope == "global");
        Assert.Contains(snapshot.Switches, s => s.Key == "bad-pack-kill-switch");
        Assert.Contains(snapshot.Switches, s => s.Key == "pause-agent-execution");
        Assert.True(snapshot.Version >= snapshot.Switches.Count);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task GetOne_SameETagSentBack_Returns304()
    {
        var key = await CreateAsync();
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        using var first = await viewer.GetAsync($"/api/kill-switches/{key}");
        first.EnsureSuccessStatusCode();

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/kill-switches/{key}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await viewer.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task GetOne_StaleETagAfterFlip_Returns200WithNewState()
    {
        var key = await CreateAsync();
        using var onCall = await host.ApiClientAsync(Role.OnCall);
        using var first = await onCall.GetAsync($"/api/kill-switches/{key}");
        (await FlipAsync(onCall, key, on: true, "malformed AI output spike")).EnsureSuccessStatusCode();

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/kill-switches/{key}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await onCall.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
        var current = await ConsoleHost.ReadAsync<KillSwitch>(second);
        Assert.True(current.On && current.ValidationPending);
    }

    [Fact]
    public async Task GetOne_ScopeWithoutOwnSwitch_ReturnsGlobalSwitch()
    {
        var key = await CreateAsync();
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync($"/api/kill-switches/{key}?scope=locality-bern");

        Assert.Equal("global", (await ConsoleHost.ReadAsync<KillSwitch>(response)).Scope);
    }

    [Fact]
    public async Task GetOne_UnknownKey_Returns404ProblemJson()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/kill-switches/no-such-switch");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Flip_MissingReason_Returns400ProblemJsonNamingReason()
    {
        var key = await CreateAsync();
        using var onCall = await host.ApiClientAsync(Role.OnCall);

        using var response = await onCall.PostAsJsonAsync($"/api/kill-switches/{key}/flip", new { on = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Flip_ViewerApiKey_Returns403()
    {
        var key = await CreateAsync();
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await FlipAsync(viewer, key, on: true, "not mine to flip");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task FlipThenValidation_OnCallApiKey_EvidenceValidated()
    {
        var key = await CreateAsync();
        using var onCall = await host.ApiClientAsync(Role.OnCall);
        using var flipResponse = await FlipAsync(onCall, key, on: true, "bad pack live");
        var flip = await ConsoleHost.ReadAsync<KillSwitchFlip>(flipResponse);

        using var validation = await onCall.PostAsJsonAsync($"/api/kill-switches/{key}/validation", new { result = "Manifest rebound; checksum verified." });

        validation.EnsureSuccessStatusCode();
        var evidence = await ConsoleHost.ReadAsync<KillSwitchEvidence>(validation);
        Assert.Equal(flip.Evidence.Id, evidence.Id);
        Assert.False(evidence.ValidationPending);
        Assert.False(host.Service<KillSwitchService>().Get(key)!.ValidationPending);
    }

    [Fact]
    public async Task Flip_NamingIncident_EntryOnIncidentTimeline()
    {
        var key = await CreateAsync();
        var incident = await host.Service<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident("Bad pack live", IncidentClass.Other, IncidentSeverity.Sev1, ["zrh"], null));
        using var onCall = await host.ApiClientAsync(Role.OnCall);

        using var response = await onCall.PostAsJsonAsync($"/api/kill-switches/{key}/flip", new { on = true, reason = "contain bad pack", incidentId = incident.Id });

        response.EnsureSuccessStatusCode();
        Assert.Contains(host.Service<IncidentService>().Timeline(incident.Id), e => e.Kind == TimelineKinds.KillSwitch);
    }

    [Fact]
    public async Task FlipOverApi_HubClientSubscribedToKillSwitches_ReceivesFlippedEvent()
    {
        var key = await CreateAsync();
        using var onCall = await host.ApiClientAsync(Role.OnCall);
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<LiveEvent>("event", e =>
        {
            if (e.Kind == "kill-switch.flipped" && e.Subject == $"{key}@global")
            {
                received.TrySetResult(e);
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.KillSwitches);

        (await FlipAsync(onCall, key, on: true, "fallback path dominant")).EnsureSuccessStatusCode();

        var liveEvent = await received.Task.WaitAsync(EventTimeout);
        Assert.Equal(Topics.KillSwitches, liveEvent.Topic);
        Assert.Contains("fallback path dominant", liveEvent.Summary, StringComparison.Ordinal);
        Assert.NotNull(liveEvent.LedgerSequence);
    }

    [Fact]
    public async Task GetKillSwitches_SinceLastVersion_ReturnsOnlyWhatWasMissed()
    {
        var key = await CreateAsync();
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var full = await hub.InvokeAsync<KillSwitchSnapshot>("GetKillSwitches", 0L);
        await host.Service<KillSwitchService>().FlipAsync(Actor.System, key, null, true, "missed while disconnected");

        var delta = await hub.InvokeAsync<KillSwitchSnapshot>("GetKillSwitches", full.Version);

        Assert.True(full.Full);
        Assert.False(delta.Full);
        Assert.Contains(delta.Switches, s => s.Key == key && s.On);
        Assert.True(delta.Version > full.Version);
        Assert.All(delta.Switches, s => Assert.True(s.Version > full.Version));
    }

    private async Task<string> CreateAsync()
    {
        var key = $"test-{Guid.NewGuid():N}"[..20];
        await host.Service<KillSwitchService>().CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Test switch", false));
        return key;
    }

    private static Task<HttpResponseMessage> FlipAsync(HttpClient client, string key, bool on, string reason) =>
        client.PostAsJsonAsync($"/api/kill-switches/{key}/flip", new { on, reason });
}
