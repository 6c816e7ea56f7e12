using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runs;
using OperatorConsole.E2E.Shared;
using OperatorConsole.Testing;

namespace OperatorConsole.E2E.Runbooks;

public sealed class RunFromApiTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CheckOffThroughTheApi_AppearsInAnOpenBrowserAndForAHubSubscriber()
    {
        var key = await fixture.Host.CreateApiKeyAsync(Role.OnCall);
        using var api = new HttpClient { BaseAddress = fixture.Host.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", key);
        var started = await api.PostAsJsonAsync("/api/runs", new { runbook = "operatorconsole-self-check" });
        var run = await ConsoleHost.ReadAsync<RunbookRun>(started);
        var step = run.Steps[0].StepId;

        var page = await fixture.SignedInPageAsync("viewer", "demo-viewer");
        await BrowserFixture.GotoInteractiveAsync(page, $"/runs/{run.Id}");
        await using var hub = await fixture.Host.ConnectHubAsync(key);
        var received = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<LiveEvent>("event", e => received.TrySetResult(e));
        await hub.InvokeAsync("Subscribe", Topics.Run(run.Id));

        var checkedOff = await api.PostAsJsonAsync($"/api/runs/{run.Id}/steps/{step}/check", new { note = "from a script" });

        checkedOff.EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId($"checked-by-{step}")).ToContainTextAsync("API key");
        var hubEvent = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("run.step-checked", hubEvent.Kind);
        Assert.Equal(step, hubEvent.Subject);
    }
}
