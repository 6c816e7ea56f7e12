using System.Net;
using System.Net.Http.Json;
using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Testing;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Tests.Lockdown;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Auth;

/// <summary>
/// The attack as found: a page on another port of the same host auto-submits a form to /api/commands, and the browser
/// attaches the sign-in cookie (same site, so SameSite=Strict does not stop it).
/// </summary>
public sealed class CrossSiteRequestTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IAsyncLifetime
{
    private const string Lockdown = "{\"type\":\"EMERGENCY_LOCKDOWN\",\"operator_id\":\"Op-01\",\"reason\":\"csrf\"}";

    public Task InitializeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    public Task DisposeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    [Theory]
    [InlineData("/hubs/console/negotiate?negotiateVersion=1", "same-site")]
    [InlineData("/hubs/console/negotiate?negotiateVersion=1", "cross-site")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1", "same-site")]
    public async Task LiveConnection_CookieFromAnotherSite_Refused(string path, string fetchSite)
    {
        using var browser = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");

        using var response = await browser.SendAsync(Negotiate(path, fetchSite));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("own pages", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("same-origin")]
    [InlineData(null)]
    public async Task HubNegotiate_CookieFromOwnPageOrNoBrowser_Accepted(string? fetchSite)
    {
        using var browser = await HostClients.SignedInClientAsync(host, "viewer", "demo-viewer");

        using var response = await browser.SendAsync(Negotiate("/hubs/console/negotiate?negotiateVersion=1", fetchSite));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Negotiate(string path, string? fetchSite)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    [Fact]
    public async Task PostCommand_CookieWithTextPlainForm_RefusedAndNothingRecorded()
    {
        using var browser = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall");
        var head = LedgerHead();

        // What <form enctype="text/plain"> with one field named {"type":…,"x":" and value "} sends.
        using var response = await browser.PostAsync("/api/commands", new StringContent(Lockdown, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(CrossSiteRequestGuard.Header, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(host.Service<LockdownService>().Active());
        Assert.Equal(head, LedgerHead());
    }

    [Fact]
    public async Task PostLockdown_CookieWithUrlEncodedForm_RefusedAndNotLockedDown()
    {
        using var browser = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall");

        using var response = await browser.PostAsync("/api/lockdown", new FormUrlEncodedContent([KeyValuePair.Create("reason", "csrf")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(host.Service<LockdownService>().Active());
    }

    [Fact]
    public async Task PostCommand_CookieWithHeaderButTextPlain_Refused415()
    {
        using var browser = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/commands") { Content = new StringContent(Lockdown, Encoding.UTF8, "text/plain") };
        request.Headers.Add(CrossSiteRequestGuard.Header, "1");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Null(host.Service<LockdownService>().Active());
    }

    [Fact]
    public async Task PostCommand_CookieWithHeaderAndJson_Accepted()
    {
        using var browser = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/commands") { Content = JsonContent.Create(new { type = "HEARTBEAT" }) };
        request.Headers.Add(CrossSiteRequestGuard.Header, "1");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostCommand_ApiKeyWithTextPlain_Refused415()
    {
        using var service = await host.ApiClientAsync(Role.OnCall);

        using var response = await service.PostAsync("/api/commands", new StringContent(Lockdown, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Null(host.Service<LockdownService>().Active());
    }

    [Fact]
    public async Task PostCommand_ApiKeyWithJsonAndNoHeader_Accepted()
    {
        using var service = await host.ApiClientAsync(Role.OnCall);

        using var response = await service.PostAsJsonAsync("/api/commands", new { type = "HEARTBEAT" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private long? LedgerHead() => host.Service<IConsoleStore>().Read(s => s.Ledger.Head())?.Sequence;
}
