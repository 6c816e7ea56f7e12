using System.Text;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Web.Api;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Evidence;

/// <summary>Attachments of an incident, preserving its evidence bundle, and verifying a bundle handed back.</summary>
public static class EvidenceEndpoints
{
    /// <summary>A bundle of a large incident is still far below this; it only stops a runaway body.</summary>
    public const int MaxBundleBytes = 32 * 1024 * 1024;

    public static RouteGroupBuilder MapEvidenceEndpoints(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/incidents/{id}").WithTags("Evidence").DisableAntiforgery();

        incidents.MapGet("/attachments", (EvidenceService evidence, string id) => evidence.Attachments(id))
            .WithSummary("An incident's attachments");

        incidents.MapGet("/attachments/{attachmentId}", (EvidenceService evidence, string id, string attachmentId) =>
        {
            var (attachment, content) = evidence.Open(id, attachmentId);

            // A download name makes Results.File send Content-Disposition: attachment; nosniff is set globally.
            return Results.File(content, attachment.ContentType, attachment.Name);
        }).WithSummary("Download one attachment of an incident");

        // Multipart form field "file", or the raw body with ?name= and the body's Content-Type.
        incidents.MapPost("/attachments", async (HttpRequest request, EvidenceService evidence, string id, string? name) =>
        {
            var (fileName, contentType, content) = await AttachmentUpload.ReadAsync(request, name);
            var attachment = await evidence.AttachAsync(request.HttpContext.User.ToActor(), id, fileName, contentType, content);
            return Results.Created($"/api/incidents/{id}/attachments/{attachment.Id}", attachment);
        }).WithSummary("Attach a file to an incident");

        // POST because preserving writes to the ledger; the incident page submits a plain form to it.
        incidents.MapPost("/evidence-bundle", async (HttpContext http, EvidenceService evidence, string id) =>
        {
            var bundle = await evidence.PreserveAsync(http.User.ToActor(), id);
            http.Response.Headers["X-Integrity-Hash"] = bundle.IntegrityHash;
            return Results.File(Encoding.ASCII.GetBytes(bundle.Json), "application/json", bundle.FileName);
        }).WithSummary("Build an incident's signed evidence bundle");

        api.MapPost("/evidence/verify", async (HttpRequest request, EvidenceService evidence) =>
        {
            var text = Encoding.UTF8.GetString(await RequestBody.ReadAsync(request.Body, MaxBundleBytes, "The bundle"));
            var result = evidence.Verify(text);
            return result.Verdict == BundleVerdict.Malformed
                ? throw new DomainValidationException(string.Join(" ", result.Problems))
                : Results.Ok(new { Verdict = result.VerdictName, result.Valid, result.Summary, result.DifferingParts, result.Problems });
        }).WithTags("Evidence").DisableAntiforgery()
            .WithSummary("Verify an evidence bundle's hashes and signature");

        return api;
    }
}
