using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Web.Hosting;

namespace OperatorConsole.Web.Features.HealthChecks;

/// <summary>
/// DEMO ONLY — stand-ins for the systems 001 and 000 check, so the seeded health checks have real targets on a fresh
/// machine: 001's daily model metrics and 000's health rite. They answer healthy until an Admin or OnCall turns on the
/// demo failure (Health checks page, or PUT /api/health-checks/demo-failure). Anonymous like the demo resolver, hence
/// mapped only when the demo is asked for.
/// </summary>
public static class DemoCheckTargetsEndpoints
{
    public const string Label = "OperatorConsole demo check target — a stand-in for a monitored system, not a production service";

    public static IEndpointRouteBuilder MapDemoCheckTargets(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!DemoMode.IsEnabled(configuration))
        {
            return app;
        }

        var demo = app.MapGroup("/demo/checks").AllowAnonymous().WithTags("Demo check targets (not production)");

        // 001's system health checklist: survival rate > 0.9, violation rate < 0.01, latency 99th < 50 ms.
        demo.MapGet("/model-metrics", (ScheduledCheckService checks) => checks.DemoFailing
            ? Results.Ok(new { demo = Label, survival_rate = 0.82, violation_rate = 0.034, latency_p99_ms = 87.0 })
            : Results.Ok(new { demo = Label, survival_rate = 0.97, violation_rate = 0.002, latency_p99_ms = 21.0 }))
            .WithSummary("Demo only: model metrics for the scheduled checks to read");

        // 000's health rite: --heal --verify checks the three index layers; the body mirrors its expected output.
        demo.MapGet("/health-rite", (ScheduledCheckService checks) => checks.DemoFailing
            ? Results.Json(new { demo = Label, layers_valid = 1, output = "❌ Semantic Index: Invalid" }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Ok(new { demo = Label, layers_valid = 3, output = "✅ All layers verified." }))
            .WithSummary("Demo only: a health endpoint for the scheduled checks to probe");

        return app;
    }
}
