using System.Net;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Authorization;

/// <summary>One caller of the matrix: a single role (null for anonymous or a revoked key), with an API client and a browser-like client.</summary>
public sealed record Caller(string Name, Role? Role, HttpClient Api, HttpClient Browser, string? ApiKey);

/// <summary>Anonymous, a revoked key, and one key and one signed-in user per role, each holding that role only.</summary>
public sealed class Callers : IAsyncLifetime
{
    private const string Password = "matrix-password-1";

    public ConsoleHost Host { get; } = new();

    public IReadOnlyList<Caller> All { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var (anonymous, _) = HostClients.CookieClient(Host);
        var revoked = await RevokedKeyAsync();
        var callers = new List<Caller>
        {
            new("anonymous", null, anonymous, anonymous, null),
            new("revoked key", null, KeyClient(revoked), KeyClient(revoked), revoked),
        };
        var admin = Host.Service<UserService>().Find("admin")!.ToActor();
        foreach (var role in Roles.All)
        {
            var user = $"matrix-{role.ToString().ToLowerInvariant()}";
            await Host.Service<UserService>().CreateAsync(admin, user, $"Matrix {role}", Password, role);
            var key = await Host.CreateApiKeyAsync(role);
            callers.Add(new(role.ToString(), role, KeyClient(key), await HostClients.SignedInClientAsync(Host, user, Password), key));
        }

        All = callers;
    }

    public async Task DisposeAsync()
    {
        foreach (var caller in All)
        {
            caller.Api.Dispose();
            caller.Browser.Dispose();
        }

        await Host.DisposeAsync();
    }

    private HttpClient KeyClient(string key)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private async Task<string> RevokedKeyAsync()
    {
        var key = await Host.CreateApiKeyAsync(Role.Admin);
        var admin = Host.Service<UserService>().Find("admin")!.ToActor();
        await Host.Service<ApiKeyService>().RevokeAsync(admin, key.Split('_')[1]);
        return key;
    }

    /// <summary>
    /// Refused: 401/403, or the cookie scheme's redirect to sign in or to access denied (it carries a ReturnUrl, unlike
    /// the redirect after signing out).
    /// </summary>
    public static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            && response.Headers.Location?.OriginalString is { } to
            && to.Contains("ReturnUrl=", StringComparison.Ordinal));
}
