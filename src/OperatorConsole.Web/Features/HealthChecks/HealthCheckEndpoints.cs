using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.HealthChecks;

/// <summary>
/// Scheduled health checks (not the console's own /health/live and /health/ready): every role reads them with their
/// state and history; an Admin creates, edits and deletes; an Admin or OnCall runs one now and flips the demo failure.
/// </summary>
public static class HealthCheckEndpoints
{
    public sealed record DemoFailure(bool Failing);

    public static RouteGroupBuilder MapHealthCheckEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/health-checks").WithTags("Health checks").DisableAntiforgery();

        group.MapGet("/", (ScheduledCheckService checks) => checks.List())
            .WithSummary("List the scheduled health checks with their latest results");

        group.MapGet("/{id}", (ScheduledCheckService checks, string id) => checks.Get(id))
            .WithSummary("One scheduled health check with its history");

        group.MapPost("/", async (HttpContext http, ScheduledCheckService checks, ScheduledCheckDefinition body) =>
        {
            var created = await checks.CreateAsync(http.User.ToActor(), body);
            return Results.Created($"/api/health-checks/{Uri.EscapeDataString(created.Id)}", created);
        }).WithSummary("Create a scheduled health check (Admin)");

        group.MapPut("/{id}", (HttpContext http, ScheduledCheckService checks, string id, ScheduledCheckDefinition body) =>
            checks.EditAsync(http.User.ToActor(), id, body))
            .WithSummary("Edit a scheduled health check (Admin)");

        group.MapDelete("/{id}", async (HttpContext http, ScheduledCheckService checks, string id) =>
        {
            await checks.DeleteAsync(http.User.ToActor(), id);
            return Results.NoContent();
        }).WithSummary("Delete a scheduled health check (Admin)");

        group.MapPost("/{id}/run", (HttpContext http, ScheduledCheckRunner runner, string id, CancellationToken cancellationToken) =>
            runner.RunNowAsync(http.User.ToActor(), id, cancellationToken))
            .WithSummary("Run a health check now");

        group.MapGet("/demo-failure", (ScheduledCheckService checks) => new DemoFailure(checks.DemoFailing))
            .WithSummary("Demo only: whether the demo check target is failing on purpose");

        group.MapPut("/demo-failure", async (HttpContext http, ScheduledCheckService checks, DemoFailure body) =>
        {
            await checks.SetDemoFailingAsync(http.User.ToActor(), body.Failing);
            return new DemoFailure(body.Failing);
        }).WithSummary("Demo only: make the demo check target fail or recover");

        return group;
    }
}
