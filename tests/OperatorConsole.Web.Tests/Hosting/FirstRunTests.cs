using System.Net;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Hosting;

/// <summary>A console started without the demo over an empty store, as in production.</summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly ConsoleHost _host = ConsoleHost.WithoutDemo();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Start_WithoutDemo_CreatesNoUserAndNoScopeButTheRunbooks()
    {
        Assert.Empty(_host.Service<UserService>().List());
        Assert.Empty(_host.Service<ScopeService>().List());
        Assert.Equal(6, _host.Service<RunbookService>().List().Count);
    }

    [Fact]
    public async Task SignIn_WithoutDemo_DemoPasswordIsRefused()
    {
        var (client, cookies) = HostClients.CookieClient(_host);

        using var response = await HostClients.PostLoginFormAsync(client, "admin", ConsoleHost.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(cookies.GetCookies(_host.BaseAddress)[HostClients.AuthCookie]);
    }

    [Fact]
    public async Task GetLogin_NoAdmin_SaysHowToCreateTheFirstOne()
    {
        var (client, _) = HostClients.CookieClient(_host);

        var page = await HostClients.ParseAsync(await client.GetStringAsync("/login"));

        Assert.Contains("admin create-user --user NAME --roles Admin", page.QuerySelector("[data-testid=first-admin-hint]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDemoResolver_WithoutDemo_IsNotServed()
    {
        var (client, _) = HostClients.CookieClient(_host);

        using var response = await client.GetAsync("/demo/resolver/porto");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ChildProcessWithoutDemo_LogsHowToCreateTheFirstAdmin()
    {
        var dataFile = Path.Combine(Path.GetDirectoryName(_host.DataFile)!, "child.db");
        await using var console = ChildConsole.Start(
            [$"--urls=http://127.0.0.1:{Loopback.UnusedPort()}", $"--Storage:DataFile={dataFile}", $"--Logs:Folder={Path.GetDirectoryName(dataFile)}"]);

        await console.ListeningAsync();

        Assert.Contains("No Admin can sign in yet", console.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("admin create-user --user NAME --roles Admin", console.StandardOutput, StringComparison.Ordinal);
    }
}
