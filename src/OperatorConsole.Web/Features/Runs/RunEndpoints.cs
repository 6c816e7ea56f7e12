using OperatorConsole.Web.Auth;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Web.Features.Runs;

public static class RunEndpoints
{
    public sealed record StartRun(string Runbook, int? Version, string? IncidentId);

    public sealed record CheckStep(string? Note, string? Output);

    public static RouteGroupBuilder MapRunEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/runs").WithTags("Runbook runs").DisableAntiforgery();

        group.MapGet("/", (HttpContext http, RunService runs, string? runbook) =>
            runs.List(runbook).Select(r => ProbeExcerpts.For(http.User.ToActor(), r)))
            .WithSummary("List runbook runs");

        group.MapGet("/{id}", (HttpContext http, RunService runs, string id) =>
            ProbeExcerpts.For(http.User.ToActor(), runs.Get(id) ?? throw new NotFoundException($"No run '{id}'.")))
            .WithSummary("One runbook run");

        group.MapPost("/", async (HttpContext http, RunService runs, StartRun body) =>
        {
            var run = await runs.StartAsync(http.User.ToActor(), body.Runbook, body.Version, body.IncidentId);
            return Results.Created($"/api/runs/{run.Id}", run);
        }).WithSummary("Start a runbook run");

        // The incident's class decides which part of the operations runbook runs (Core's IncidentCatalog), not the caller.
        group.MapPost("/incident/{incidentId}", async (HttpContext http, RunService runs, string incidentId) =>
        {
            var run = await runs.StartForIncidentAsync(http.User.ToActor(), incidentId);
            return Results.Created($"/api/runs/{run.Id}", run);
        }).WithSummary("Start a runbook run for an incident");

        group.MapPost("/{id}/steps/{stepId}/check", (HttpContext http, RunService runs, string id, string stepId, CheckStep? body) =>
            runs.CheckStepAsync(http.User.ToActor(), id, stepId, body?.Note, body?.Output))
            .WithSummary("Check off a step of a run");

        group.MapPost("/{id}/steps/{stepId}/probe", (HttpContext http, RunService runs, string id, string stepId, CancellationToken ct) =>
            runs.RunProbeAsync(http.User.ToActor(), id, stepId, ct))
            .WithSummary("Run a step's probe");

        group.MapPost("/{id}/complete", (HttpContext http, RunService runs, string id) =>
            runs.CompleteAsync(http.User.ToActor(), id))
            .WithSummary("Complete a run");

        return api;
    }
}
