using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Incidents;

public static class IncidentEndpoints
{
    public sealed record Move(IncidentStatus To, string? Reason);

    public sealed record Note(string Text);

    public sealed record DecisionEntry(string Decision, string Rationale);

    public sealed record SeverityChange(IncidentSeverity Severity, string Reason);

    public sealed record Reopen(string Reason);

    public static RouteGroupBuilder MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents").DisableAntiforgery();

        group.MapGet("/", (IncidentService incidents) => incidents.List());

        // What the console's SEV-1 banner shows: the open SEV-1 incidents alone, cheap to poll.
        group.MapGet("/open-sev1", (IncidentService incidents) => incidents.OpenSev1());

        group.MapGet("/{id}", (IncidentService incidents, string id) =>
            incidents.Get(id) ?? throw new NotFoundException($"No incident '{id}'."));

        group.MapGet("/{id}/timeline", (IncidentService incidents, string id) => incidents.Timeline(id));

        group.MapPost("/", async (HttpContext http, IncidentService incidents, OpenIncident body) =>
        {
            var incident = await incidents.OpenAsync(http.User.ToActor(), body);
            return Results.Created($"/api/incidents/{incident.Id}", incident);
        });

        group.MapPost("/{id}/status", (HttpContext http, IncidentService incidents, string id, Move body) =>
            incidents.MoveAsync(http.User.ToActor(), id, body.To, body.Reason));

        group.MapPost("/{id}/notes", (HttpContext http, IncidentService incidents, string id, Note body) =>
            incidents.AddNoteAsync(http.User.ToActor(), id, body.Text));

        group.MapPost("/{id}/decisions", (HttpContext http, IncidentService incidents, string id, DecisionEntry body) =>
            incidents.RecordDecisionAsync(http.User.ToActor(), id, body.Decision, body.Rationale));

        group.MapPost("/{id}/severity", (HttpContext http, IncidentService incidents, string id, SeverityChange body) =>
            incidents.SetSeverityAsync(http.User.ToActor(), id, body.Severity, body.Reason));

        group.MapPost("/{id}/reopen", (HttpContext http, IncidentService incidents, string id, Reopen body) =>
            incidents.ReopenAsync(http.User.ToActor(), id, body.Reason));

        // The owner confirms the class's closure condition holds; no body.
        group.MapPost("/{id}/closure-confirmation", (HttpContext http, IncidentService incidents, string id) =>
            incidents.ConfirmClosureConditionAsync(http.User.ToActor(), id));

        // What still stands between the incident and Closed; an empty list means it may close.
        group.MapGet("/{id}/closure-blockers", (IncidentService incidents, string id) => incidents.ClosureBlockers(id));

        group.MapGet("/{id}/evidence", (IncidentService incidents, string id) =>
            incidents.Get(id) is null ? throw new NotFoundException($"No incident '{id}'.") : incidents.Evidence(id));

        group.MapPost("/{id}/evidence", (HttpContext http, IncidentService incidents, string id, EvidenceDraft body) =>
            incidents.RecordEvidenceAsync(http.User.ToActor(), id, body));

        return api;
    }
}
