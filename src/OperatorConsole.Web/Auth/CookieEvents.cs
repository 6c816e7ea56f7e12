using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Web.Auth;

/// <summary>
/// Re-reads the user on every request so that a role change or a disabled account takes effect at
/// once, and answers API and hub callers with status codes instead of a redirect to the login page.
/// </summary>
public sealed class CookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.ToActor().Id;
        var user = id is null ? null : context.HttpContext.RequestServices.GetRequiredService<UserService>().Find(id);
        if (user is null || user.Disabled)
        {
            context.RejectPrincipal();
            return;
        }

        var current = context.Principal!.ToActor();
        if (current.Roles != user.Roles || current.DisplayName != user.DisplayName)
        {
            context.ReplacePrincipal(user.ToActor().ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }

        await base.ValidatePrincipal(context);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsMachineCall(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : base.RedirectToLogin(context);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        IsMachineCall(context.Request) ? Status(context, StatusCodes.Status403Forbidden) : base.RedirectToAccessDenied(context);

    private static bool IsMachineCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
