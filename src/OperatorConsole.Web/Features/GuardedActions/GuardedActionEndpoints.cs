using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.GuardedActions;

/// <summary>The guarded action types with their roles, token lifetime and four-eyes setting; an Admin toggles four-eyes.</summary>
public static class GuardedActionEndpoints
{
    public sealed record FourEyesChange(bool? FourEyes);

    public sealed record PolicyView(string ActionType, IReadOnlyList<string> RequiredRoles, bool FourEyes, int LifetimeSeconds)
    {
        public static PolicyView From(GuardedActionPolicy p) =>
            new(p.ActionType, [.. Roles.Names(p.RequiredRole)], p.FourEyes, (int)p.Lifetime.TotalSeconds);
    }

    public static RouteGroupBuilder MapGuardedActionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/guarded-actions").WithTags("Guarded actions").DisableAntiforgery();

        group.MapGet("/policies", (GuardedActionService guarded) => guarded.Policies().Select(PolicyView.From))
            .WithSummary("The policies of guarded actions (who confirms what)");

        group.MapPut("/policies/{actionType}", async (HttpContext http, GuardedActionService guarded, string actionType, FourEyesChange body) =>
            PolicyView.From(await guarded.SetFourEyesAsync(http.User.ToActor(), actionType, body.FourEyes)))
            .WithSummary("Change the policy of one guarded action (Admin)");

        return group;
    }
}
