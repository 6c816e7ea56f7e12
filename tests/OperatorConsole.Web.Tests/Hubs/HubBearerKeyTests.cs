using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Hubs;

/// <summary>
/// SignalR clients pass a token through accessTokenFactory / AccessTokenProvider: "Authorization: Bearer" on negotiate
/// (and on the WebSocket outside browsers), access_token in the query from a browser. An API key works there, and a
/// key that does not check out is a 401 even beside a signed-in cookie: a Bearer header never falls back to the cookie.
/// </summary>
public sealed class HubBearerKeyTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task Connect_ApiKeyFromAccessTokenProvider_ReceivesKillSwitchState(HttpTransportType transport)
    {
        var key = await host.CreateApiKeyAsync(Role.Viewer);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/console"), transport, o => o.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .Build();
        var state = new TaskCompletionSource<KillSwitchSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var handler = hub.On<KillSwitchSnapshot>("kill-switches.state", s => state.TrySetResult(s));

        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", "kill-switches");

        Assert.True((await state.Task.WaitAsync(TimeSpan.FromSeconds(30))).Full);
    }

    [Fact]
    public async Task Negotiate_UnknownBearerKey_Returns401()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await NegotiateAsync(client, "oc_not-a-real-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_SignedInCookieWithUnknownBearerKey_Returns401()
    {
        using var client = await HostClients.SignedInClientAsync(host, "admin", ConsoleHost.AdminPassword);

        using var response = await NegotiateAsync(client, "oc_not-a-real-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_ValidBearerKey_Succeeds()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await NegotiateAsync(client, await host.CreateApiKeyAsync(Role.Viewer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/console/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client.SendAsync(request);
    }
}
