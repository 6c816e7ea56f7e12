using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Incidents;

public static class IncidentEndpoints
{
    /// <summary><paramref name="ObligationOverride"/>: the reason to close a SEV-1 whose required responses are not all ticked.</summary>
    public sealed record Move(IncidentStatus To, string? Reason, string? ObligationOverride = null);

    public sealed record Person(string? UserId, string? Note = null);

    public sealed record Note(string Text);

    public sealed record DecisionEntry(string Decision, string Rationale);

    public sealed record SeverityChange(IncidentSeverity Severity, string Reason);

    public sealed record Reopen(string Reason);

    public static RouteGroupBuilder MapIncidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents").WithTags("Incidents").DisableAntiforgery();

        group.MapGet("/", (IncidentService incidents) => incidents.List())
            .WithSummary("List incidents");

        // What the console's SEV-1 banner shows: the open SEV-1 incidents alone, cheap to poll.
        group.MapGet("/open-sev1", (IncidentService incidents) => incidents.OpenSev1())
            .WithSummary("Open SEV-1 incidents");

        // The list as the incidents page shows it: ?q=&status=&severity=&class=&owner=&mine=&sort=&dir=&page=&size=
        group.MapGet("/find", (HttpContext http, IncidentService incidents, [AsParameters] IncidentListQuery view) =>
        {
            var query = view.ToQuery(out var problems);
            return problems.Count > 0 ? throw DomainValidationException.ForFields(problems) : incidents.Find(query, http.User.ToActor().Id);
        }).WithSummary("Find incidents by text, status, severity and more, a page at a time");

        // Who an incident can be handed to or commanded by.
        group.MapGet("/people", (IncidentService incidents) => incidents.AssignablePeople())
            .WithSummary("People an incident can be handed to");

        group.MapGet("/{id}", (IncidentService incidents, string id) =>
            incidents.Get(id) ?? throw new NotFoundException($"No incident '{id}'."))
            .WithSummary("One incident");

        group.MapGet("/{id}/timeline", (IncidentService incidents, string id) => incidents.Timeline(id))
            .WithSummary("An incident's timeline");

        group.MapPost("/", async (HttpContext http, IncidentService incidents, OpenIncident body) =>
        {
            var incident = await incidents.OpenAsync(http.User.ToActor(), body);
            return Results.Created($"/api/incidents/{incident.Id}", incident);
        }).WithSummary("Open an incident");

        group.MapPost("/{id}/status", (HttpContext http, IncidentService incidents, string id, Move body) =>
            incidents.MoveAsync(http.User.ToActor(), id, body.To, body.Reason, body.ObligationOverride))
            .WithSummary("Move an incident to another status");

        group.MapPost("/{id}/owner", (HttpContext http, IncidentService incidents, string id, Person body) =>
            incidents.HandOverAsync(http.User.ToActor(), id, body.UserId, body.Note))
            .WithSummary("Hand an incident over to a new owner");

        group.MapPost("/{id}/commander", (HttpContext http, IncidentService incidents, string id, Person body) =>
            incidents.SetCommanderAsync(http.User.ToActor(), id, body.UserId))
            .WithSummary("Set or clear an incident's commander");

        // "I'm working on this": the caller joins or leaves the responders; no body.
        group.MapPost("/{id}/responders", (HttpContext http, IncidentService incidents, string id) =>
            incidents.JoinAsync(http.User.ToActor(), id))
            .WithSummary("Join an incident as a responder");

        group.MapDelete("/{id}/responders/me", (HttpContext http, IncidentService incidents, string id) =>
            incidents.LeaveAsync(http.User.ToActor(), id))
            .WithSummary("Leave an incident's responders");

        group.MapPost("/{id}/notes", (HttpContext http, IncidentService incidents, string id, Note body) =>
            incidents.AddNoteAsync(http.User.ToActor(), id, body.Text))
            .WithSummary("Add a note to an incident's timeline");

        group.MapPost("/{id}/decisions", (HttpContext http, IncidentService incidents, string id, DecisionEntry body) =>
            incidents.RecordDecisionAsync(http.User.ToActor(), id, body.Decision, body.Rationale))
            .WithSummary("Record a decision and its rationale on an incident");

        group.MapPost("/{id}/severity", (HttpContext http, IncidentService incidents, string id, SeverityChange body) =>
            incidents.SetSeverityAsync(http.User.ToActor(), id, body.Severity, body.Reason))
            .WithSummary("Change an incident's severity");

        group.MapPost("/{id}/reopen", (HttpContext http, IncidentService incidents, string id, Reopen body) =>
            incidents.ReopenAsync(http.User.ToActor(), id, body.Reason))
            .WithSummary("Reopen a resolved or closed incident");

        // The owner confirms the class's closure condition holds; no body.
        group.MapPost("/{id}/closure-confirmation", (HttpContext http, IncidentService incidents, string id) =>
            incidents.ConfirmClosureConditionAsync(http.User.ToActor(), id))
            .WithSummary("Confirm an incident's closure condition");

        // What still stands between the incident and Closed; an empty list means it may close.
        group.MapGet("/{id}/closure-blockers", (IncidentService incidents, string id) => incidents.ClosureBlockers(id))
            .WithSummary("What still blocks closing an incident");

        group.MapGet("/{id}/evidence", (IncidentService incidents, string id) =>
            incidents.Get(id) is null ? throw new NotFoundException($"No incident '{id}'.") : incidents.Evidence(id))
            .WithSummary("An incident's evidence records");

        group.MapPost("/{id}/evidence", (HttpContext http, IncidentService incidents, string id, EvidenceDraft body) =>
            incidents.RecordEvidenceAsync(http.User.ToActor(), id, body))
            .WithSummary("Record evidence on an incident");

        return api;
    }
}
