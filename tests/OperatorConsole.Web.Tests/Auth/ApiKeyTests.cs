using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Auth;

public sealed class ApiKeyTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task GetMe_ValidKey_ReturnsTheKeyActor()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.StartsWith("apikey:", me.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(["OnCall"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task GetRunbooks_WrongSecret_Returns401()
    {
        var key = await host.CreateApiKeyAsync(Role.Viewer);
        var forged = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var client = KeyClient(forged);

        using var response = await client.GetAsync("/api/runbooks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetRunbooks_MalformedKey_Returns401()
    {
        using var client = KeyClient("not-a-console-key");

        using var response = await client.GetAsync("/api/runbooks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetRunbooks_RevokedKey_Returns401()
    {
        var key = await host.CreateApiKeyAsync(Role.Viewer);
        using var client = KeyClient(key);
        using (var before = await client.GetAsync("/api/runbooks"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var admin = host.Service<UserService>().Find("admin")!.ToActor();
        await host.Service<ApiKeyService>().RevokeAsync(admin, key.Split('_')[1]);

        using var response = await client.GetAsync("/api/runbooks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient KeyClient(string key)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
