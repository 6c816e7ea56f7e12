using OperatorConsole.Web.Features.Alerts;
using OperatorConsole.Web.Features.Audit;
using OperatorConsole.Web.Features.Backup;
using OperatorConsole.Web.Features.Commands;
using OperatorConsole.Web.Features.Evidence;
using OperatorConsole.Web.Features.FailureStatus;
using OperatorConsole.Web.Features.GuardedActions;
using OperatorConsole.Web.Features.HealthChecks;
using OperatorConsole.Web.Features.Home;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Features.Insights;
using OperatorConsole.Web.Features.KillSwitches;
using OperatorConsole.Web.Features.LaunchDay;
using OperatorConsole.Web.Features.Lockdown;
using OperatorConsole.Web.Features.Notifications;
using OperatorConsole.Web.Features.Outbound;
using OperatorConsole.Web.Features.Permissions;
using OperatorConsole.Web.Features.Releases;
using OperatorConsole.Web.Features.Rollback;
using OperatorConsole.Web.Features.Runbooks;
using OperatorConsole.Web.Features.Runs;
using OperatorConsole.Web.Features.Scopes;
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
        }).WithSummary("Who the caller is: id, display name and roles");
        api.MapPermissionEndpoints();
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
        api.MapOutboundEndpoints();
        api.MapBackupEndpoints();
        api.MapHealthCheckEndpoints();
        api.MapAlertEndpoints();
        api.MapLaunchEndpoints();
        api.MapOverviewEndpoints();
        api.MapNotificationEndpoints();
        api.MapInsightsEndpoints();
        return app;
    }
}
