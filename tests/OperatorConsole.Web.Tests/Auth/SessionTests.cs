using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Auth;

/// <summary>Sign-out ends the session on the server; revoked keys and ended sessions lose their open connections.</summary>
public sealed class SessionTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CopiedCookie_AfterSignOut_Returns401()
    {
        var (browser, cookies) = HostClients.CookieClient(host, followRedirects: true);
        using (await HostClients.PostLoginFormAsync(browser, "oncall", "demo-oncall"))
        {
        }

        using var thief = new HttpClient { BaseAddress = host.BaseAddress };
        thief.DefaultRequestHeaders.Add("Cookie", $"{HostClients.AuthCookie}={cookies.GetCookies(host.BaseAddress)[HostClients.AuthCookie]!.Value}");
        using var before = await thief.GetAsync("/api/me");

        await SignOutAsync(browser);
        using var after = await thief.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task SignOut_RecordedInTheLedger()
    {
        var (browser, _) = HostClients.CookieClient(host, followRedirects: true);
        using (await HostClients.PostLoginFormAsync(browser, "owner", "demo-owner"))
        {
        }

        await SignOutAsync(browser);

        var head = host.Service<Core.Persistence.IConsoleStore>().Read(s => s.Ledger.Head())!;
        Assert.Equal((SessionActions.SignOut, "owner"), (head.Action, head.Actor));
    }

    [Fact]
    public async Task HubConnection_KeyRevoked_ConnectionClosed()
    {
        var admin = host.Service<UserService>().Find("admin")!.ToActor();
        var key = await host.CreateApiKeyAsync(Role.Viewer);
        await using var hub = await host.ConnectHubAsync(key);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await host.Service<ApiKeyService>().RevokeAsync(admin, KeyId(key));

        await closed.Task.WaitAsync(Patience);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }

    [Fact]
    public async Task CircuitState_SessionEnded_TurnsAnonymous()
    {
        var sessions = host.Service<SessionService>();
        var oncall = host.Service<UserService>().Find("oncall")!.ToActor();
        var session = await sessions.StartAsync(oncall, "127.0.0.1");
        using var state = new RevalidatingConsoleAuthenticationState(
            NullLoggerFactory.Instance, sessions, Options.Create(new SessionCheckOptions { RevalidateEvery = TimeSpan.FromMilliseconds(100) }));
        var changed = TurnedAnonymous(state);
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(oncall.ToPrincipal("Cookies", session.Id))));

        await sessions.EndAsync(oncall, session.Id);

        var after = await changed.Task.WaitAsync(Patience);
        Assert.False(after.User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task CircuitState_RolesChanged_TurnsAnonymousSoTheNextSignInCarriesTheNewRoles()
    {
        var sessions = host.Service<SessionService>();
        var release = host.Service<UserService>().Find("release")!.ToActor();
        var session = await sessions.StartAsync(release, "127.0.0.1");
        using var state = new RevalidatingConsoleAuthenticationState(
            NullLoggerFactory.Instance, sessions, Options.Create(new SessionCheckOptions { RevalidateEvery = TimeSpan.FromMilliseconds(100) }));
        var changed = TurnedAnonymous(state);
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState((release with { Roles = Role.Admin }).ToPrincipal("Cookies", session.Id))));

        var after = await changed.Task.WaitAsync(Patience);

        Assert.False(after.User.Identity?.IsAuthenticated);
    }

    /// <summary>Completes when the state turns anonymous; the first notification (the sign-in itself) does not count.</summary>
    private static TaskCompletionSource<AuthenticationState> TurnedAnonymous(AuthenticationStateProvider state)
    {
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        state.AuthenticationStateChanged += async task =>
        {
            var next = await task;
            if (next.User.Identity?.IsAuthenticated != true)
            {
                changed.TrySetResult(next);
            }
        };
        return changed;
    }

    private static string KeyId(string key) => key["oc_".Length..].Split('_')[0];

    /// <summary>Posts the layout's sign-out form as the browser would, with its antiforgery token.</summary>
    private static async Task SignOutAsync(HttpClient browser)
    {
        var page = await HostClients.ParseAsync(await browser.GetStringAsync("/"));
        var form = page.Forms.Single(f => f.GetAttribute("action")?.EndsWith("account/logout", StringComparison.Ordinal) == true);
        var fields = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Select(i => KeyValuePair.Create(i.Name!, i.Value));
        using var response = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(fields));
        response.EnsureSuccessStatusCode();
    }
}
