using System.Security.Claims;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Sessions;

namespace OperatorConsole.Web.Auth;

/// <summary>The one question requests, circuits and hub connections ask: is this principal still allowed in, and as whom now?</summary>
public static class PrincipalCheck
{
    /// <summary>The actor as the store knows it now, or null when the session ended or the user or key lost access.</summary>
    public static Actor? Current(this SessionService sessions, ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.FindFirstValue(ClaimTypes.NameIdentifier) is not null
            ? sessions.Current(principal.ToActor(), principal.SessionId())
            : null;

    /// <summary>Whether the principal still holds exactly the roles and name it was issued with.</summary>
    public static bool Matches(this Actor current, ClaimsPrincipal principal)
    {
        var presented = principal.ToActor();
        return presented.Roles == current.Roles && presented.DisplayName == current.DisplayName;
    }
}
