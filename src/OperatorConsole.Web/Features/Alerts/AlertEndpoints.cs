using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Api;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Telemetry;

namespace OperatorConsole.Web.Features.Alerts;

public static class AlertEndpoints
{
    /// <summary>Largest webhook body accepted; Alertmanager groups stay far below it.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public sealed record OpenFromAlert(IncidentClass Class, IncidentSeverity Severity);

    public sealed record SilenceRequest(string IncidentId, int DurationMinutes);

    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts").DisableAntiforgery();

        group.MapPost("/alertmanager", (HttpContext http, AlertIntake intake) =>
            ReceiveAsync(http, intake, "alertmanager", body => AlertPayloadReader.Parse<AlertmanagerPayload>(body, "Alertmanager webhook payload").ToIncoming()))
            .RequireJsonContentType()
            .MeteredAs("alertmanager")
            .WithSummary("Receive an Alertmanager webhook delivery");

        group.MapPost("/webhook", (HttpContext http, AlertIntake intake) =>
            ReceiveAsync(http, intake, "webhook", body => AlertPayloadReader.Parse<GenericAlertPayload>(body, "alert webhook payload").ToIncoming()))
            .RequireJsonContentType()
            .MeteredAs("webhook")
            .WithSummary("Receive alerts in the console's generic JSON shape");

        group.MapGet("/", (AlertService alerts, bool? routed, string? incident) => alerts.Recent(routed, incident))
            .WithSummary("Recent alerts, optionally only routed/unrouted or one incident's");

        group.MapGet("/deliveries", (HttpContext http, AlertService alerts) => alerts.Deliveries(http.User.ToActor()))
            .WithSummary("The log of recent alert deliveries (Admin)");

        group.MapPost("/{id}/incident", async (HttpContext http, AlertService alerts, string id, OpenFromAlert body) =>
        {
            var incident = await alerts.OpenIncidentAsync(http.User.ToActor(), id, body.Class, body.Severity);
            return Results.Created($"/api/incidents/{incident.Id}", incident);
        }).WithSummary("Open an incident from an unrouted alert");

        group.MapAlertRuleEndpoints();

        group.MapGet("/silences", (AlertSilenceService silences, string incident) => silences.ForIncident(incident))
            .WithSummary("Alertmanager silences created for an incident");

        group.MapPost("/silences", (HttpContext http, AlertSilenceService silences, SilenceRequest body) =>
            silences.SilenceAsync(http.User.ToActor(), body.IncidentId, TimeSpan.FromMinutes(body.DurationMinutes), http.RequestAborted))
            .WithSummary("Silence an incident's alerts in Alertmanager for a while");

        group.MapDelete("/silences/{id}", (HttpContext http, AlertSilenceService silences, string id) =>
            silences.ExpireAsync(http.User.ToActor(), id, http.RequestAborted))
            .WithSummary("Expire a silence early");

        return api;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, AlertIntake intake, string source, Func<byte[], IReadOnlyList<IncomingAlert>> parse)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            throw new PayloadTooLargeException($"An alert delivery is at most {MaxBodyBytes / (1024 * 1024)} MB.");
        }

        var body = await RequestBody.ReadAsync(http.Request.Body, MaxBodyBytes, "An alert delivery");
        var result = await intake.RouteAsync(http.User.ToActor(), source, () => parse(body), http.RequestAborted);
        return Results.Ok(result);
    }
}
