using OperatorConsole.Core.Overview;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Home;

/// <summary>GET /api/overview: the command centre's answer for the caller, as the home page shows it.</summary>
public static class OverviewEndpoints
{
    public static RouteGroupBuilder MapOverviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/overview", (HttpContext http, CommandCentre centre) => centre.For(http.User.ToActor())).WithTags("Overview")
            .WithSummary("The command centre overview: what needs attention now");
        return api;
    }
}
