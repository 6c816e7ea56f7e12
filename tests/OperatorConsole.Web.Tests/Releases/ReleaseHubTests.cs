using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;
using static OperatorConsole.Web.Tests.Releases.ModelCommandClient;

namespace OperatorConsole.Web.Tests.Releases;

/// <summary>Hub clients follow releases on "releases" and the promotion's rebind on "scope:{id}".</summary>
public sealed class ReleaseHubTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PromoteOverCommands_HubClientSeesReleasePromotedAndScopeRebound()
    {
        using var release = await host.ApiClientAsync(Role.ReleaseOwner);
        var scope = await NewSlotAsync(host);
        await ShadowedAsync(release, scope, "v2");
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        var promoted = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rebound = new TaskCompletionSource<LiveEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<LiveEvent>("event", e =>
        {
            if (e.Topic == Topics.Releases && e.Kind == "release.promote")
            {
                promoted.TrySetResult(e);
            }
            else if (e.Topic == Topics.Scope(scope) && e.Kind == "scope.rebound")
            {
                rebound.TrySetResult(e);
            }
        });
        await hub.InvokeAsync("Subscribe", Topics.Releases);
        await hub.InvokeAsync("Subscribe", Topics.Scope(scope));

        var token = await TokenAsync(await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01" }));
        (await SendAsync(release, new { type = "PROMOTE_CANDIDATE", scope, operator_id = "Op-01", confirmation_token = token })).EnsureSuccessStatusCode();

        Assert.Equal($"{scope}-v2", (await promoted.Task.WaitAsync(EventTimeout)).Subject);
        Assert.Contains($"{scope}-v2", (await rebound.Task.WaitAsync(EventTimeout)).Summary, StringComparison.Ordinal);
    }
}
