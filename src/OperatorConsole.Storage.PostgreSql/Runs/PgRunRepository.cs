using OperatorConsole.Core.Runs;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Runs;

internal sealed class PgRunRepository(PgContext db) : IRunRepository
{
    private readonly PgDocuments _runs = new(db, "runs");

    public RunbookRun? Get(string id) => _runs.Get<RunbookRun>(id);

    public IReadOnlyList<RunbookRun> List(string? runbookSlug = null, int limit = 200) =>
        _runs.Ordered<RunbookRun>("@slug::text IS NULL OR slug = @slug", "ORDER BY started_at DESC, id DESC LIMIT @limit",
            ("slug", runbookSlug), ("limit", Math.Max(0, limit)));

    public void Upsert(RunbookRun run) => _runs.Upsert(run.Id, run, ("slug", run.RunbookSlug), ("started_at", run.StartedAt.UtcTicks));
}
