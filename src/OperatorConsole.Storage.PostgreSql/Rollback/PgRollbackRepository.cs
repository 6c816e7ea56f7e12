using OperatorConsole.Core.Rollback;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Rollback;

/// <summary>Rollback runs by id, with scope and drill flag as columns for the scope page and the drill proof.</summary>
internal sealed class PgRollbackRepository(PgContext db) : IRollbackRepository
{
    private readonly PgDocuments _runs = new(db, "rollbacks");

    public RollbackRun? Get(string id) => _runs.Get<RollbackRun>(id);

    public IReadOnlyList<RollbackRun> List(string? scopeId = null) =>
        Newest(_runs.Where<RollbackRun>("@scope::text IS NULL OR scope_id = @scope", ("scope", scopeId)));

    public IReadOnlyList<RollbackRun> Drills(string? scopeId = null) =>
        [.. Newest(_runs.Where<RollbackRun>("drill AND (@scope::text IS NULL OR scope_id = @scope)", ("scope", scopeId)))
            .Where(r => r.Status == RollbackStatus.Completed)];

    public void Upsert(RollbackRun run) => _runs.Upsert(run.Id, run, ("scope_id", run.ScopeId), ("drill", run.Drill));

    private static IReadOnlyList<RollbackRun> Newest(IEnumerable<RollbackRun> runs) =>
        [.. runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)];
}
