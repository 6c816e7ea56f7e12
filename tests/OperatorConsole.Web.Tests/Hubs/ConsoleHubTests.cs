using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Hubs;

public sealed class ConsoleHubTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CheckStepOverApi_HubClientSubscribedToRun_ReceivesStepCheckedEvent()
    {
        using var api = await host.ApiClientAsync(Role.OnCall);
        var run = await ApiRequests.StartRunOkAsync(api);
        var step = run.Steps[0];
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<LiveEvent>("event", e =>
        {
            if (e.Kind == "run.step-checked")
            {
                received.TrySetResult(e);
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.Run(run.Id));

        using (var checkResponse = await ApiRequests.CheckStepAsync(api, run.Id, step.StepId, "done"))
        {
            checkResponse.EnsureSuccessStatusCode();
        }

        var liveEvent = await received.Task.WaitAsync(EventTimeout);
        Assert.Equal(Topics.Run(run.Id), liveEvent.Topic);
        Assert.Equal(step.StepId, liveEvent.Subject);
        Assert.StartsWith("API key", liveEvent.ActorName, StringComparison.Ordinal);
        Assert.NotNull(liveEvent.LedgerSequence);
    }

    [Fact]
    public async Task CheckStepOverApi_HubClientSubscribedToOtherRun_ReceivesNothingForIt()
    {
        using var api = await host.ApiClientAsync(Role.OnCall);
        var watched = await ApiRequests.StartRunOkAsync(api);
        var other = await ApiRequests.StartRunOkAsync(api);
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var subjects = new List<string>();
        var watchedEvent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<LiveEvent>("event", e =>
        {
            lock (subjects)
            {
                subjects.Add(e.Topic);
            }

            if (e.Topic == Topics.Run(watched.Id))
            {
                watchedEvent.TrySetResult();
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.Run(watched.Id));

        // The other run's event is committed first; the watched one is the marker that delivery has happened.
        (await ApiRequests.CheckStepAsync(api, other.Id, other.Steps[0].StepId)).EnsureSuccessStatusCode();
        (await ApiRequests.CheckStepAsync(api, watched.Id, watched.Steps[0].StepId)).EnsureSuccessStatusCode();
        await watchedEvent.Task.WaitAsync(EventTimeout);

        lock (subjects)
        {
            Assert.DoesNotContain(Topics.Run(other.Id), subjects);
        }
    }

    [Fact]
    public async Task Subscribe_UnknownTopic_ThrowsHubException()
    {
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", "secrets"));

        Assert.Contains("Unknown topic 'secrets'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_WithoutKey_FailsWith401()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, "/hubs/console")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Connect_WithRevokedLookingKey_FailsWith401()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => host.ConnectHubAsync("oc_000000000000_forged"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
