using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.KillSwitches;

/// <summary>Hub clients get each switch's new state in the event itself; history is read page by page, never with the state.</summary>
public sealed class KillSwitchLiveStateTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Flip_HubClient_EventCarriesTheNewStateAndNoHistory()
    {
        var key = await CreateAsync();
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<JsonElement>("event", e =>
        {
            if (e.GetProperty("kind").GetString() == KillSwitchEvents.Flipped && e.GetProperty("subject").GetString() == $"{key}@global")
            {
                received.TrySetResult(e);
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.KillSwitches);

        await host.Service<KillSwitchService>().FlipAsync(Actor.System, key, null, true, "contain the bad pack");

        var liveEvent = await received.Task.WaitAsync(EventTimeout);
        var state = liveEvent.GetProperty("state");
        Assert.Equal((key, "global", true), (state.GetProperty("key").GetString(), state.GetProperty("scope").GetString(), state.GetProperty("on").GetBoolean()));
        Assert.Equal(liveEvent.GetProperty("version").GetInt64(), state.GetProperty("version").GetInt64());
        Assert.Equal("contain the bad pack", state.GetProperty("lastChange").GetProperty("reason").GetString());
        Assert.False(state.TryGetProperty("history", out _));
    }

    [Fact]
    public async Task Subscribe_KillSwitches_StateMessageHoldsNoHistory()
    {
        var key = await CreateAsync();
        await host.Service<KillSwitchService>().FlipAsync(Actor.System, key, null, true, "one line of history");
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<JsonElement>("kill-switches.state", s => received.TrySetResult(s));

        await hub.InvokeAsync("Subscribe", Topics.KillSwitches);

        var switches = (await received.Task.WaitAsync(EventTimeout)).GetProperty("switches").EnumerateArray().ToList();
        Assert.Contains(switches, s => s.GetProperty("key").GetString() == key);
        Assert.All(switches, s => Assert.False(s.TryGetProperty("history", out _)));
    }

    [Fact]
    public async Task History_TwoPages_NewestFirstThenOlderWithNoOverlap()
    {
        var key = await CreateAsync();
        var switches = host.Service<KillSwitchService>();
        await switches.FlipAsync(Actor.System, key, null, true, "first flip");
        await switches.FlipAsync(Actor.System, key, null, false, "second flip");
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var first = await viewer.GetFromJsonAsync<SwitchHistoryPage>($"/api/kill-switches/{key}/history?limit=2");
        var second = await viewer.GetFromJsonAsync<SwitchHistoryPage>($"/api/kill-switches/{key}/history?limit=2&before={first!.NextBefore}");

        Assert.Equal(["second flip", "first flip"], first.Entries.Select(e => e.Reason));
        Assert.Equal([SwitchActions.Created], second!.Entries.Select(e => e.Action));
        Assert.Null(second.NextBefore);
    }

    [Theory]
    [InlineData("before=soon", "before")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5000", "limit")]
    public async Task History_BadPaging_400NamingTheField(string query, string field)
    {
        var key = await CreateAsync();
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync($"/api/kill-switches/{key}/history?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task History_UnknownSwitch_404()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/kill-switches/no-such-switch/history");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> CreateAsync()
    {
        var key = $"test-{Guid.NewGuid():N}"[..20];
        await host.Service<KillSwitchService>().CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Test switch", false));
        return key;
    }
}
