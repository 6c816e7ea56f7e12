using System.Net;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Auth;

/// <summary>Failed sign-ins per user name: aggregated in the ledger, and refused for a while once there are too many.</summary>
public sealed class SignInFloodTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task FailedSignIns_SameNameAndAddress_OneLedgerEntry()
    {
        var (client, _) = HostClients.CookieClient(host);

        for (var i = 0; i < 4; i++)
        {
            using var _ = await HostClients.PostLoginFormAsync(client, "nobody-here", $"guess-{i}");
        }

        var entries = host.Service<IConsoleStore>().Read(s => s.Ledger.All().Where(e => e.Subject == "user:nobody-here").ToList());
        var entry = Assert.Single(entries);
        Assert.Equal((SessionActions.SignIn, LedgerOutcome.Denied), (entry.Action, entry.Outcome));
    }

    [Fact]
    public async Task SignIn_AfterTooManyFailures_429WithMessageEvenWithTheRightPassword()
    {
        var (client, cookies) = HostClients.CookieClient(host);
        for (var i = 0; i < new SignInLimits().FailuresPerUser; i++)
        {
            using var _ = await HostClients.PostLoginFormAsync(client, "viewer", $"guess-{i}");
        }

        using var response = await HostClients.PostLoginFormAsync(client, "viewer", "demo-viewer");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var page = await HostClients.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("Too many failed sign-ins", page.QuerySelector("[data-testid=login-error]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(cookies.GetCookies(host.BaseAddress)[HostClients.AuthCookie]);
    }
}
