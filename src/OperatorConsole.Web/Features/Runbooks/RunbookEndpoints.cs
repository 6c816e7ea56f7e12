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

        group.MapGet("/", (RunbookService runbooks, string? q, Priority? priority, string? tag) =>
            runbooks.List(new RunbookFilter(q, priority, tag)).Select(RunbookSummary.From));

        group.MapGet("/{slug}", (RunbookService runbooks, string slug, int? version) =>
            runbooks.Get(slug, version) is { } r ? Results.Ok(r) : throw new NotFoundException($"No runbook '{slug}'."));

        // The body is the Markdown document itself; ?fileName= names it for slugging and the ledger.
        group.MapPost("/", async (HttpRequest request, RunbookService runbooks, string? fileName) =>
        {
            var markdown = await RequestBody.ReadAsync(request.Body, RunbookParser.MaxBytes, "The runbook");
            var result = await runbooks.ImportAsync(request.HttpContext.User.ToActor(), fileName, markdown);
            return Results.Ok(new { result.Runbook.Slug, result.Runbook.Version, result.Unchanged, result.Runbook.Repairs, result.Runbook.Warnings });
        }).DisableAntiforgery();

        group.MapRunbookArchiveEndpoints();
        return api;
    }

    public sealed record RunbookSummary(string Slug, int Version, string Title, Priority Priority, IReadOnlyList<string> Tags, int Steps, DateTimeOffset ImportedAt)
    {
        public static RunbookSummary From(Runbook r) =>
            new(r.Slug, r.Version, r.Title, r.Priority, r.Tags, r.AllSteps.Count(), r.ImportedAt);
    }
}
