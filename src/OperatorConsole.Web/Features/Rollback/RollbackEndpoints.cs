using OperatorConsole.Core.Common;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Rollback;

/// <summary>Rollback runs and drills: start, the steps in order (step 3 is two-step guarded), and the objective proof.</summary>
public static class RollbackEndpoints
{
    public sealed record Start(string? Scope, string? IncidentId, bool Drill, DateTimeOffset? BadPublishConfirmedAt);

    public sealed record Confirm(string? Token);

    public static RouteGroupBuilder MapRollbackEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rollbacks").WithTags("Rollbacks").DisableAntiforgery();

        group.MapGet("/", (HttpContext http, RollbackService rollbacks, string? scope) =>
            rollbacks.List(scope).Select(r => rollbacks.ViewFor(http.User.ToActor(), r)).ToList())
            .WithSummary("List rollbacks");

        group.MapGet("/objective", (RollbackObjective objective, string? scope) => objective.Proof(string.IsNullOrWhiteSpace(scope) ? null : scope))
            .WithSummary("The rollback time objective and how rollbacks meet it");

        group.MapGet("/{id}", (HttpContext http, RollbackService rollbacks, string id) =>
            rollbacks.ViewFor(http.User.ToActor(), rollbacks.Get(id) ?? throw new NotFoundException($"No rollback '{id}'.")))
            .WithSummary("One rollback");

        group.MapPost("/", async (HttpContext http, RollbackService rollbacks, Start body) =>
        {
            var run = await rollbacks.StartAsync(http.User.ToActor(), body.Scope ?? string.Empty, body.IncidentId, body.Drill, body.BadPublishConfirmedAt);
            return Results.Created($"/api/rollbacks/{run.Id}", rollbacks.View(run));
        }).WithSummary("Start a rollback");

        group.MapPost("/{id}/confirm-targets", async (HttpContext http, RollbackService rollbacks, string id, CancellationToken ct) =>
            rollbacks.View(await rollbacks.ConfirmTargetsAsync(http.User.ToActor(), id, ct)))
            .WithSummary("Confirm a rollback's targets");

        group.MapPost("/{id}/rebind/request", (HttpContext http, RollbackService rollbacks, string id) =>
            rollbacks.RequestRebindAsync(http.User.ToActor(), id))
            .WithSummary("Ask to rebind a rollback's scope (step one of two)");

        group.MapPost("/{id}/rebind", async (HttpContext http, RollbackService rollbacks, string id, Confirm body) =>
            rollbacks.View(await rollbacks.ConfirmRebindAsync(http.User.ToActor(), id, body.Token ?? string.Empty)))
            .WithSummary("Rebind a rollback's scope to the safe manifest");

        group.MapPost("/{id}/verify-checksums", async (HttpContext http, RollbackService rollbacks, string id, CancellationToken ct) =>
            rollbacks.View(await rollbacks.VerifyChecksumsAsync(http.User.ToActor(), id, ct)))
            .WithSummary("Verify the checksums of the rolled-back artefacts");

        group.MapPost("/{id}/probe", async (HttpContext http, RollbackService rollbacks, string id, CancellationToken ct) =>
            rollbacks.View(await rollbacks.ProbeAsync(http.User.ToActor(), id, ct)))
            .WithSummary("Probe the scope after a rollback");

        return api;
    }
}
