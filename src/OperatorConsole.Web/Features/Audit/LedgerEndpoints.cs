using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OperatorConsole.Core.Audit;
using OperatorConsole.Web.Features.Audit;

namespace OperatorConsole.Web.Features.Audit;

public static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ledger").WithTags("Audit ledger");

        group.MapGet("/", (AuditService audit, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, int? limit) =>
            audit.Query(new LedgerQuery(from, to, actor, action, Limit: limit ?? 500)))
            .WithSummary("Query the audit ledger");

        // Checks what was added since the last clean verify; ?full=true re-reads and re-hashes the whole chain.
        group.MapGet("/verify", (AuditService audit, bool? full) => full == true ? audit.VerifyAll() : audit.Verify())
            .WithSummary("Verify the ledger: what was added since the last clean verify, or the whole chain with full=true");

        // The whole chain, oldest first, sealed by a checkpoint at its head, for checking with docs/ledger.md's verifier.
        // Streamed page by page; nothing is written before the seal, so a failed seal is still an ordinary error answer.
        group.MapGet("/export", (AuditService audit, HttpContext http, IOptions<JsonOptions> json) =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            return LedgerExportWriter.WriteAsync(audit, http.Response.BodyWriter, json.Value.SerializerOptions, http.RequestAborted);
        }).Produces<LedgerExport>()
            .WithSummary("Export the whole ledger, sealed by a checkpoint at its head (streamed)");

        // Kept by a third party, the checkpoints reveal a later rollback or rewrite of the ledger (docs/ledger.md).
        group.MapGet("/checkpoints", (AuditService audit) => audit.Checkpoints())
            .WithSummary("The signed ledger checkpoints");

        group.MapGet("/public-key", (AuditService audit) => Results.Text(audit.PublicKeyPem, "application/x-pem-file"))
            .WithSummary("The public key that signs ledger checkpoints (PEM)");

        // 002's anomaly investigation; from/to default to the last 24 hours.
        group.MapGet("/investigate", (AuditService audit, TimeProvider clock, string? from, string? to) =>
        {
            var (start, end) = UtcRangeInput.Parse(from, to, clock.GetUtcNow());
            return audit.Investigate(start, end);
        }).WithSummary("Investigate ledger anomalies between two times (default: the last 24 hours)");

        // 002's daily health check; a read, so GET, and every signed-in role may run it.
        api.MapGet("/health-check", (AuditService audit) => audit.RunDailyHealthCheck()).WithTags("Audit ledger")
            .WithSummary("Run the ledger's daily health check now");

        return api;
    }
}
