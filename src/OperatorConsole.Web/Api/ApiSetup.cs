using OperatorConsole.Web.Api.Commands;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Api;

public static class ApiSetup
{
    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/me", (HttpContext http) =>
        {
            var actor = http.User.ToActor();
            return new { actor.Id, actor.DisplayName, Roles = Core.Common.Roles.Names(actor.Roles) };
        });
        api.MapRunbookEndpoints();
        api.MapRunEndpoints();
        api.MapLedgerEndpoints();
        api.MapIncidentEndpoints();
        api.MapPostIncidentEndpoints();
        api.MapEvidenceEndpoints();
        api.MapKillSwitchEndpoints();
        api.MapGuardedActionEndpoints();
        api.MapLockdownEndpoints();
        api.MapFailureStatusEndpoints();
        api.MapCommandEndpoint();
        api.MapScopeEndpoints();
        api.MapRollbackEndpoints();
        api.MapReleaseEndpoints();
        return app;
    }
}
