using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;
using OperatorConsole.Testing.ScaleOut;
using OperatorConsole.Web.Hubs;
using static OperatorConsole.Web.Tests.Shared.ApiAnswers;

namespace OperatorConsole.Web.Tests.ScaleOut;

/// <summary>
/// Two real console hosts on one PostgreSQL database and one redis-server: a change committed through one instance's
/// API reaches the hub clients and components of the other, with the state and versions clients catch up from.
/// </summary>
public sealed class ClusterLiveEventTests(ConsoleCluster cluster) : IClassFixture<ConsoleCluster>
{
    private const string TimelineKind = "incident.timeline";
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FlipsThroughApiOnA_HubClientOnB_ReceivesEachStateAndVersionInOrder()
    {
        var id = await NewSwitchAsync("cluster-hub-flips");
        using var oncall = await cluster.A.ApiClientAsync(Role.OnCall);
        await using var hub = await cluster.B.ConnectHubAsync(await cluster.B.CreateApiKeyAsync(Role.Viewer));
        var onB = Received(hub, e => e.Kind == KillSwitchEvents.Flipped && e.Subject == id);
        await hub.InvokeAsync(nameof(ConsoleHub.Subscribe), Topics.KillSwitches);

        var acknowledged = new List<KillSwitch>();
        foreach (var on in new[] { true, false, true, false })
        {
            acknowledged.Add((await OkAsync<KillSwitchFlip>(await FlipAsync(oncall, id, on))).Switch);
        }

        foreach (var flip in acknowledged)
        {
            var seen = await onB.Reader.ReadAsync().AsTask().WaitAsync(EventTimeout);
            var state = seen.StateAs<KillSwitch>()!;
            Assert.Equal((flip.On, flip.Version), (state.On, state.Version));
            Assert.Equal(flip.Version, seen.Version);
        }

        Assert.Equal(acknowledged.Select(s => s.Version).Order(), acknowledged.Select(s => s.Version));
    }

    [Fact]
    public async Task FlipThroughApiOnA_ComponentSubscriberOnB_SeesTheNewState()
    {
        var id = await NewSwitchAsync("cluster-component-flip");
        using var oncall = await cluster.A.ApiClientAsync(Role.OnCall);
        using var onB = cluster.B.Service<ILiveEventSource>().Subscribe(Topics.KillSwitches);

        var flipped = (await OkAsync<KillSwitchFlip>(await FlipAsync(oncall, id, on: true))).Switch;

        var seen = await NextAsync(onB.Reader, e => e.Kind == KillSwitchEvents.Flipped && e.Subject == id);
        Assert.True(seen.StateAs<KillSwitch>()!.On);
        Assert.Equal(flipped.Version, seen.Version);
    }

    [Fact]
    public async Task NoteThroughApiOnB_HubSubscriberOnA_ReceivesItAndApiOnAShowsIt()
    {
        using var onB = await cluster.B.ApiClientAsync(Role.OnCall);
        using var onA = await cluster.A.ApiClientAsync(Role.Viewer);
        var incident = await OkAsync<Incident>(await onB.PostAsJsonAsync("/api/incidents",
            new { title = "Cluster note", @class = IncidentClass.Other, severity = IncidentSeverity.Sev3, scopes = new[] { "zrh" } }, ConsoleHost.ApiJson));
        await using var hub = await cluster.A.ConnectHubAsync(await cluster.A.CreateApiKeyAsync(Role.Viewer));
        var notes = Received(hub, e => e.Kind == TimelineKind);
        await hub.InvokeAsync(nameof(ConsoleHub.Subscribe), Topics.Incident(incident.Id));

        var note = await OkAsync<TimelineEntry>(await onB.PostAsJsonAsync($"/api/incidents/{incident.Id}/notes", new { text = "Written on B" }));

        var seen = await notes.Reader.ReadAsync().AsTask().WaitAsync(EventTimeout);
        Assert.Equal((Topics.Incident(incident.Id), note.Id, "Written on B"), (seen.Topic, seen.Subject, seen.Summary));
        var timeline = await OkAsync<List<TimelineEntry>>(await onA.GetAsync($"/api/incidents/{incident.Id}/timeline"));
        Assert.Contains(timeline, e => e.Id == note.Id && e.Text == "Written on B");
    }

    private async Task<string> NewSwitchAsync(string key)
    {
        var created = await cluster.A.Service<KillSwitchService>().CreateAsync(Actor.System,
            new KillSwitchDefinition(key, KillSwitch.GlobalScope, "Flipped across the cluster", DefaultOn: false));
        return created.Id;
    }

    private static Task<HttpResponseMessage> FlipAsync(HttpClient client, string id, bool on) =>
        client.PostAsJsonAsync($"/api/kill-switches/{id.Split('@')[0]}/flip", new { on, reason = $"cluster test turns it {(on ? "on" : "off")}" });

    private static Channel<LiveEvent> Received(HubConnection hub, Func<LiveEvent, bool> wanted)
    {
        var received = Channel.CreateUnbounded<LiveEvent>();
        hub.On<LiveEvent>(ConsoleHub.EventMethod, e =>
        {
            if (wanted(e))
            {
                received.Writer.TryWrite(e);
            }
        });
        return received;
    }

    private static async Task<LiveEvent> NextAsync(ChannelReader<LiveEvent> reader, Func<LiveEvent, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(EventTimeout);
        while (true)
        {
            var next = await reader.ReadAsync(timeout.Token);
            if (wanted(next))
            {
                return next;
            }
        }
    }
}
