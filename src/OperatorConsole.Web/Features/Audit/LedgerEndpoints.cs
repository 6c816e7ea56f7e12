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

        group.MapGet("/verify", (AuditService audit) => audit.Verify())
            .WithSummary("Verify the ledger's hash chain and signed checkpoints");

        // The whole chain, oldest first, sealed by a checkpoint at its head, for checking with docs/ledger.md's verifier.
        group.MapGet("/export", (AuditService audit) => audit.ExportAsync())
            .WithSummary("Export the whole ledger, sealed by a checkpoint at its head");

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
