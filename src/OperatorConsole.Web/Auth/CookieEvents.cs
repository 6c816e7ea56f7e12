using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OperatorConsole.Core.Sessions;

namespace OperatorConsole.Web.Auth;

/// <summary>
/// Checks the cookie's server-side session and re-reads the user on every request, so a sign-out (of any copy of the
/// cookie), a role change or a disabled account takes effect at once; answers API and hub callers with status codes
/// instead of a redirect to the login page.
/// </summary>
public sealed class CookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionService>();
        var current = context.Principal is null ? null : sessions.Current(context.Principal);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (!current.Matches(context.Principal!))
        {
            context.ReplacePrincipal(current.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme, context.Principal!.SessionId()));
            context.ShouldRenew = true;
        }

        await base.ValidatePrincipal(context);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsMachineCall(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsMachineCall(context.Request) ? Status(context, StatusCodes.Status403Forbidden) : base.RedirectToAccessDenied(context);

    // The OpenAPI document and the metrics are read by tools (generators, Prometheus), which want a status, not a login page.
    private static bool IsMachineCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs")
        || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/metrics");

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
