using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Auth;

public sealed class LoginTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task GetHome_Anonymous_RedirectsToLogin()
    {
        var (client, _) = HostClients.CookieClient(host);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task GetApi_Anonymous_Returns401WithoutRedirect()
    {
        var (client, _) = HostClients.CookieClient(host);

        using var response = await client.GetAsync("/api/runbooks");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task PostLoginForm_RightPassword_SetsAuthCookieAndRedirectsHome()
    {
        var (client, cookies) = HostClients.CookieClient(host);

        using var response = await HostClients.PostLoginFormAsync(client, "oncall", "demo-oncall");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString);
        Assert.NotNull(cookies.GetCookies(host.BaseAddress)[HostClients.AuthCookie]);
    }

    [Fact]
    public async Task GetMe_AfterFormLogin_ReturnsSignedInUser()
    {
        var client = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("oncall", me.GetProperty("id").GetString());
        Assert.Equal("Omar On-call", me.GetProperty("displayName").GetString());
        Assert.Equal(["OnCall"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task PostLoginForm_WrongPassword_StaysOnLoginWithErrorAndNoCookie()
    {
        var (client, cookies) = HostClients.CookieClient(host);

        using var response = await HostClients.PostLoginFormAsync(client, "oncall", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HostClients.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Unknown user name or wrong password.", page.QuerySelector("[data-testid=login-error]")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#password"));
        Assert.Null(cookies.GetCookies(host.BaseAddress)[HostClients.AuthCookie]);
    }

    [Fact]
    public async Task GetLogin_AdminExists_NoFirstAdminHint()
    {
        var (client, _) = HostClients.CookieClient(host);

        var page = await HostClients.ParseAsync(await client.GetStringAsync("/login"));

        Assert.Null(page.QuerySelector("[data-testid=first-admin-hint]"));
    }
}
