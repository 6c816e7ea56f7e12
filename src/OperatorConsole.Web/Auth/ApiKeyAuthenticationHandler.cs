using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OperatorConsole.Core.Users;
using OperatorConsole.Web.Hubs;

namespace OperatorConsole.Web.Auth;

/// <summary>
/// Authenticates scripts and services by the X-Api-Key header, or <c>Authorization: Bearer</c> (what Alertmanager's
/// http_config sends), or access_token on the hub, where browsers cannot set headers.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[Header].ToString();
        if (!string.IsNullOrEmpty(header))
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length)
        {
            return authorization[BearerPrefix.Length..].Trim();
        }

        return request.Path.StartsWithSegments(HubRoutes.Console) ? request.Query["access_token"].ToString() is { Length: > 0 } q ? q : null : null;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var actor = keys.Authenticate(presented);
        return Task.FromResult(actor is null
            ? AuthenticateResult.Fail("The API key is unknown or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(actor.ToPrincipal(SchemeName), SchemeName)));
    }
}
