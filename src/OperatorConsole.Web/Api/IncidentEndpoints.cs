using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Api;

public static class IncidentEndpoints
{
    public sealed record Move(IncidentStatus To, string? Reason);

    public sealed record Note(string Text);

    public static RouteGroupBuilder MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents").DisableAntiforgery();

        group.MapGet("/", (IncidentService incidents) => incidents.List());

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

        group.MapPost("/{id}/evidence", (HttpContext http, IncidentService incidents, string id, EvidenceDraft body) =>
            incidents.RecordEvidenceAsync(http.User.ToActor(), id, body));

        return api;
    }
}
