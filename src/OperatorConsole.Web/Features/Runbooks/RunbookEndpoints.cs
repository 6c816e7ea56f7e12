using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Web.Api;
using OperatorConsole.Web.Auth;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Web.Features.Runbooks;

public static class RunbookEndpoints
{
    public static RouteGroupBuilder MapRunbookEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/runbooks").WithTags("Runbooks");

        // Ranked like the library page; a page at a time (take at most RunbookQuery.MaxTake), with the total count.
        group.MapGet("/", (RunbookService runbooks, string? q, Priority? priority, string? tag, int? skip, int? take) =>
            runbooks.Search(new RunbookQuery(new RunbookFilter(q, priority, tag), skip ?? 0, take ?? RunbookQuery.DefaultTake)))
            .WithSummary("List runbooks");

        group.MapGet("/{slug}", (RunbookService runbooks, string slug, int? version) =>
            runbooks.Get(slug, version) is { } r ? Results.Ok(r) : throw new NotFoundException($"No runbook '{slug}'."))
            .WithSummary("One runbook");

        // The body is the Markdown document itself; ?fileName= names it for slugging and the ledger.
        group.MapPost("/", async (HttpRequest request, RunbookService runbooks, string? fileName) =>
        {
            var markdown = await RequestBody.ReadAsync(request.Body, RunbookParser.MaxBytes, "The runbook");
            var result = await runbooks.ImportAsync(request.HttpContext.User.ToActor(), fileName, markdown);
            return Results.Ok(new { result.Runbook.Slug, result.Runbook.Version, result.Unchanged, result.Runbook.Repairs, result.Runbook.Warnings });
        }).DisableAntiforgery()
            .WithSummary("Import a runbook from Markdown");

        group.MapRunbookArchiveEndpoints();
        return api;
    }
}
