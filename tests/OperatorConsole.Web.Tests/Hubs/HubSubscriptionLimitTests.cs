using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Testing;
using OperatorConsole.Web.Hubs;

namespace OperatorConsole.Web.Tests.Hubs;

/// <summary>A hub connection holds a bounded number of subscriptions, and malformed topics are refused with a reason.</summary>
public sealed class HubSubscriptionLimitTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Theory]
    [InlineData("incidents\n", "control characters")]
    [InlineData("incident:\u0000abc", "control characters")]
    [InlineData(" incidents", "spaces")]
    [InlineData("incident: abc", "spaces")]
    [InlineData("", "Name a topic")]
    public async Task Subscribe_MalformedTopic_RefusedSayingWhy(string topic, string reason)
    {
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", topic));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task Subscribe_OverLongTopic_RefusedNamingTheLimit()
    {
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", "incident:" + new string('a', Topics.MaxLength)));

        Assert.Contains($"at most {Topics.MaxLength} characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_PastTheLimit_RefusedUntilOneIsDropped()
    {
        await using var hub = await host.ConnectHubAsync(await host.CreateApiKeyAsync(Role.Viewer));
        for (var i = 0; i < ConsoleHub.MaxSubscriptions; i++)
        {
            await hub.InvokeAsync("Subscribe", Topics.Incident($"inc-{i}"));
        }

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Subscribe", Topics.Incident("one-more")));
        await hub.InvokeAsync("Subscribe", Topics.Incident("inc-0"));
        await hub.InvokeAsync("Unsubscribe", Topics.Incident("inc-0"));
        await hub.InvokeAsync("Subscribe", Topics.Incident("one-more"));

        Assert.Contains($"at most {ConsoleHub.MaxSubscriptions} subscriptions", error.Message, StringComparison.Ordinal);
    }
}
