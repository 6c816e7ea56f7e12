using OperatorConsole.Core.Audit;

namespace OperatorConsole.Web.Api;

public static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ledger").WithTags("Audit ledger");

        group.MapGet("/", (AuditService audit, DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, int? limit) =>
            audit.Query(new LedgerQuery(from, to, actor, action, Limit: limit ?? 500)));

        group.MapGet("/verify", (AuditService audit) => audit.Verify());

        // The whole chain, oldest first, for checking with docs/ledger.md's recipe outside the console.
        group.MapGet("/export", (AuditService audit) => new { rootHash = audit.Verify().RootHash, entries = audit.All() });

        return api;
    }
}
