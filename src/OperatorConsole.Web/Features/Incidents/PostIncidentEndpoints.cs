using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Incidents;

/// <summary>The post-incident record over HTTP; the same cookie or API-key auth as the rest of /api.</summary>
public static class PostIncidentEndpoints
{
    public sealed record DoneFlag(bool Done = true);

    public static RouteGroupBuilder MapPostIncidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents/{id}").WithTags("Post-incident records").DisableAntiforgery();

        group.MapGet("/post-incident", (PostIncidentService records, string id) =>
            records.Get(id) ?? throw new NotFoundException($"{id} has no post-incident record."))
            .WithSummary("An incident's post-incident review");

        group.MapPut("/post-incident", (HttpContext http, PostIncidentService records, string id, PostIncidentDraft body) =>
            records.SaveAsync(http.User.ToActor(), id, body))
            .WithSummary("Save an incident's post-incident review");

        group.MapPost("/post-incident/follow-ups/{followUpId}/done", (HttpContext http, PostIncidentService records, string id, string followUpId, DoneFlag body) =>
            records.SetFollowUpDoneAsync(http.User.ToActor(), id, followUpId, body.Done))
            .WithSummary("Mark a post-incident follow-up done");

        // A download, so a browser saves it; the same text imports back as a runbook-like document.
        group.MapGet("/post-incident.md", (PostIncidentService records, string id) =>
        {
            var markdown = records.ExportMarkdown(id) ?? throw new NotFoundException($"No incident '{id}'.");
            return Results.File(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", $"{id}-post-incident.md");
        }).WithSummary("An incident's post-incident review as Markdown");

        api.MapGet("/follow-ups", (PostIncidentService records) => records.OpenFollowUps()).WithTags("Post-incident records")
            .WithSummary("Open follow-ups across incidents");
        return api;
    }
}
