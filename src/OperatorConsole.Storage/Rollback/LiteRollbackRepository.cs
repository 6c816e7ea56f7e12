using LiteDB;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Rollback;

/// <summary>Rollback runs by id, with scope and drill flag indexed for the scope page and the drill proof.</summary>
internal sealed class LiteRollbackRepository(ILiteDatabase db, bool writable) : IRollbackRepository
{
    private readonly ILiteCollection<BsonDocument> _runs = db.GetCollection(LiteSchema.Rollbacks);

    public RollbackRun? Get(string id)
    {
        var doc = _runs.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<RollbackRun>(doc);
    }

    public IReadOnlyList<RollbackRun> List(string? scopeId = null) =>
        Newest(scopeId is null ? _runs.FindAll() : _runs.Find(Query.EQ("scopeId", scopeId)));

    public IReadOnlyList<RollbackRun> Drills(string? scopeId = null) =>
        [.. Newest(_runs.Find(Query.EQ("drill", true))).Where(r => r.Status == RollbackStatus.Completed && (scopeId is null || r.ScopeId == scopeId))];

    public void Upsert(RollbackRun run)
    {
        LiteSession.EnsureWritable(writable);
        _runs.Upsert(JsonDocuments.Wrap(run.Id, run, ("scopeId", run.ScopeId), ("drill", run.Drill)));
    }

    private static IReadOnlyList<RollbackRun> Newest(IEnumerable<BsonDocument> docs) =>
        [.. docs.Select(JsonDocuments.Unwrap<RollbackRun>).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)];
}
