using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token, so a foreign page cannot sign a user out.
        // Ending the server-side session makes every copy of the cookie worthless, not just this browser's.
        app.MapPost("/account/logout", async (HttpContext http, SessionService sessions) =>
        {
            await sessions.EndAsync(http.User.ToActor(), http.User.SessionId());
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        }).WithSummary("Sign out: end the session and clear the cookie");
        return app;
    }
}
