using System.Security.Claims;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Auth;

public static class ConsoleClaims
{
    /// <summary>The server-side session a sign-in cookie belongs to (see SessionService).</summary>
    public const string SessionClaim = "oc:session";

    public static ClaimsPrincipal ToPrincipal(this Actor actor, string scheme, string? sessionId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.Id),
            new(ClaimTypes.Name, actor.DisplayName),
        };
        if (sessionId is not null)
        {
            claims.Add(new Claim(SessionClaim, sessionId));
        }

        claims.AddRange(Roles.Names(actor.Roles).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            throw new AccessDeniedException("Sign in first.");
        }

        var roles = Roles.Parse(principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        return new Actor(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new AccessDeniedException("Sign in first."),
            principal.FindFirstValue(ClaimTypes.Name) ?? "unknown",
            roles);
    }

    public static string? SessionId(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionClaim);
}
