using OperatorConsole.Core.Releases;

namespace OperatorConsole.Web.Features.Releases;

/// <summary>Read side of releases; changes go through POST /api/commands (001's model commands).</summary>
public static class ReleaseEndpoints
{
    public static RouteGroupBuilder MapReleaseEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/releases").WithTags("Releases");
        group.MapGet("/", (ReleaseService releases, string? scope) => releases.List(string.IsNullOrWhiteSpace(scope) ? null : scope))
            .WithSummary("List releases");
        group.MapGet("/overview", (ReleaseService releases) => releases.Overview())
            .WithSummary("Releases by scope at a glance");
        group.MapGet("/{id}", (ReleaseService releases, string id) => releases.Get(id))
            .WithSummary("One release");
        group.MapGet("/slot/{scope}", (ReleaseService releases, string scope) => releases.Status(scope))
            .WithSummary("The release slot of a scope");
        return api;
    }
}
