using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Bulk;
using OperatorConsole.Core.Runbooks.Files;
using OperatorConsole.Web.Api;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Hosting;

namespace OperatorConsole.Web.Features.Runbooks;

/// <summary>A whole runbook repository imported from an archive, and the files kept with each runbook version.</summary>
public static class RunbookArchiveEndpoints
{
    /// <summary>Imported files may be SVG or HTML-like text: opened directly, nothing in them may run or load.</summary>
    private const string FileCsp = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

    public static RouteGroupBuilder MapRunbookArchiveEndpoints(this RouteGroupBuilder runbooks)
    {
        // The body is the .zip or .tar.gz itself; the answer reports every file of it. ?prefix= puts every path of
        // the archive under that folder, so two repositories holding the same paths stay apart.
        runbooks.MapPost("/bulk", async (HttpRequest request, RunbookBulkImport bulk, string? prefix) =>
        {
            var actor = request.HttpContext.User.ToActor();
            await bulk.RequireImporterAsync(actor, request.HttpContext.RequestAborted);
            _ = ImportPrefix.Normalize(prefix); // a bad prefix is refused before 25 MB are read for nothing
            var archive = await RequestBody.ReadAsync(request.Body, ArchiveLimits.MaxArchiveBytes, "The archive");
            var report = await bulk.ImportAsync(actor, RunbookBulkImport.Plan(archive, prefix), cancellationToken: request.HttpContext.RequestAborted);
            return Results.Ok(new
            {
                Counts = Enum.GetValues<BulkOutcome>().ToDictionary(o => o.ToString(), report.Count),
                Files = report.Rows,
            });
        }).DisableAntiforgery()
            .WithSummary("Import runbooks in bulk from an archive");

        runbooks.MapGet("/{slug}/v{version:int}/files/{**path}", (RunbookService service, string slug, int version, string path) =>
        {
            var (file, content) = service.OpenFile(slug, version, path);
            var downloadName = RunbookFileTypes.OpensInline(file.ContentType) ? null : Path.GetFileName(file.Path);
            return Results.File(content, file.ContentType, downloadName);
        }).WithMetadata(new StricterContentSecurityPolicy(FileCsp))
            .WithSummary("One file of a runbook version (served sandboxed)");

        return runbooks;
    }
}
