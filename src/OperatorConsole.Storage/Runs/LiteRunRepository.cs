using LiteDB;
using OperatorConsole.Core.Runs;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Runs;

internal sealed class LiteRunRepository(ILiteDatabase db, bool writable) : IRunRepository
{
    private readonly ILiteCollection<BsonDocument> _collection = db.GetCollection(LiteSchema.Runs);

    public RunbookRun? Get(string id)
    {
        var doc = _collection.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<RunbookRun>(doc);
    }

    public IReadOnlyList<RunbookRun> List(string? runbookSlug = null, int limit = 200)
    {
        var docs = runbookSlug is null
            ? _collection.Find(Query.All("startedAt", Query.Descending), limit: limit)
            : _collection.Find(Query.EQ("slug", runbookSlug));
        return [.. docs.Select(JsonDocuments.Unwrap<RunbookRun>).OrderByDescending(r => r.StartedAt).Take(limit)];
    }

    public void Upsert(RunbookRun run)
    {
        LiteSession.EnsureWritable(writable);
        _collection.Upsert(JsonDocuments.Wrap(run.Id, run, ("slug", run.RunbookSlug), ("startedAt", run.StartedAt.UtcTicks)));
    }
}
