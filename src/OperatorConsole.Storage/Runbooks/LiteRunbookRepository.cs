using LiteDB;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Runbooks;

internal sealed class LiteRunbookRepository(ILiteDatabase db, bool writable) : IRunbookRepository
{
    private readonly ILiteCollection<BsonDocument> _collection = db.GetCollection(LiteSchema.Runbooks);

    public Runbook? Get(string slug, int? version = null)
    {
        if (version is { } v)
        {
            var doc = _collection.FindById($"{slug}@{v}");
            return doc is null ? null : JsonDocuments.Unwrap<Runbook>(doc);
        }

        var versions = Versions(slug);
        return versions.Count == 0 ? null : versions[0];
    }

    public IReadOnlyList<Runbook> Latest() =>
        [.. _collection.FindAll()
            .Select(JsonDocuments.Unwrap<Runbook>)
            .GroupBy(r => r.Slug)
            .Select(g => g.MaxBy(r => r.Version)!)];

    public IReadOnlyList<Runbook> Versions(string slug) =>
        [.. _collection.Find(Query.EQ("slug", slug)).Select(JsonDocuments.Unwrap<Runbook>).OrderByDescending(r => r.Version)];

    public int CountVersions() => _collection.Count();

    public void Add(Runbook runbook)
    {
        LiteSession.EnsureWritable(writable);
        _collection.Insert(JsonDocuments.Wrap(runbook.Id, runbook, ("slug", runbook.Slug), ("version", runbook.Version)));
    }
}
