using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Features.GuardedActions;

namespace OperatorConsole.Web.Features.FailureStatus;

/// <summary>Services report their failure mode here (OnCall API key); resetting to NORMAL is the guarded two-step.</summary>
public static class FailureStatusEndpoints
{
    public sealed record Reset(string? Reason, string? Token);

    public static RouteGroupBuilder MapFailureStatusEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/failure-status").WithTags("Failure status").DisableAntiforgery();

        group.MapGet("/", (FailureStatusService status) => status.Current())
            .WithSummary("The current failure status");

        group.MapPost("/", (HttpContext http, FailureStatusService status, FailureReport body) =>
            status.ReportAsync(http.User.ToActor(), body))
            .WithSummary("Report a failure");

        group.MapPost("/reset/request", async (HttpContext http, FailureStatusService status, Reset body) =>
            Results.Ok(TokenIssued.From(await status.RequestResetAsync(http.User.ToActor(), body.Reason))))
            .WithSummary("Ask to reset the failure status; returns the confirmation token");

        group.MapPost("/reset/confirm", (HttpContext http, FailureStatusService status, Reset body) =>
            status.ResetAsync(http.User.ToActor(), body.Token, body.Reason))
            .WithSummary("Reset the failure status with the confirmation token");

        return api;
    }
}
