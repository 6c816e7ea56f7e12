using System.Net;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Auth;

/// <summary>Sign-in posts per address (its own host, since the flood uses up the loopback address's allowance).</summary>
public sealed class SignInAddressLimitTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task PostLogin_FloodFromOneAddress_Answers429WithAPlainMessage()
    {
        var (client, _) = HostClients.CookieClient(host);
        HttpStatusCode last = HttpStatusCode.OK;
        string body = string.Empty;

        // A burst well past the allowance; a slow machine may refill one or two attempts meanwhile.
        for (var i = 0; i < new SignInLimits().AttemptsPerAddress + 10 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var response = await HostClients.PostLoginFormAsync(client, $"flood{i}", "guess");
            last = response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Contains("Too many sign-in attempts from your address", body, StringComparison.Ordinal);
    }
}
