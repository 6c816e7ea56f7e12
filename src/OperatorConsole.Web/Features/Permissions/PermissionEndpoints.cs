using OperatorConsole.Core.Common;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Permissions;

/// <summary>
/// The Permissions query over HTTP, the same answer the pages use and the refusal a write would give:
/// GET /api/permissions?action=lockdown.engage answers for one action; GET /api/me/permissions lists every action.
/// </summary>
public static class PermissionEndpoints
{
    public sealed record PermissionView(string Action, bool Allowed, string? Reason, IEnumerable<string> Roles, bool LockdownGated);

    public static RouteGroupBuilder MapPermissionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/permissions", (HttpContext http, Core.Common.Permissions permissions, string? action, string? subject) =>
        {
            var rule = permissions.Rule(action ?? string.Empty);
            return View(rule, permissions.Check(http.User.ToActor(), rule.Action, subject));
        }).WithTags("Permissions")
            .WithSummary("Every action's rule: who may do it");

        api.MapGet("/me/permissions", (HttpContext http, Core.Common.Permissions permissions) =>
        {
            var answers = permissions.CheckAll(http.User.ToActor());
            return permissions.All.Select(rule => View(rule, answers[rule.Action]));
        }).WithTags("Permissions")
            .WithSummary("What the caller may do now");

        return api;
    }

    private static PermissionView View(ActionRule rule, Permission answer) =>
        new(rule.Action, answer.Allowed, answer.Reason, Roles.Names(rule.AnyOf), rule.LockdownGated);
}
