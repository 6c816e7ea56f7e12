using LiteDB;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Runbooks;

/// <summary>
/// Versions in their own collection; imported files in LiteDB FileStorage keyed by SHA-256, inside the same database
/// file, so a version and its files commit (or roll back) together with the import's ledger entry.
/// </summary>
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

    public Runbook? FindBySourcePath(string sourcePath) => LatestWhere("sourcePath", sourcePath, r => r.SourcePath == sourcePath);

    public Runbook? FindByDeclaredId(string declaredId) => LatestWhere("declaredId", declaredId, r => r.DeclaredId == declaredId);

    public int CountVersions() => _collection.Count();

    public void Add(Runbook runbook)
    {
        LiteSession.EnsureWritable(writable);
        _collection.Insert(JsonDocuments.Wrap(
            runbook.Id, runbook, ("slug", runbook.Slug), ("version", runbook.Version),
            ("sourcePath", runbook.SourcePath ?? BsonValue.Null), ("declaredId", runbook.DeclaredId ?? BsonValue.Null)));
    }

    public void AddFileContent(string sha256, byte[] content)
    {
        LiteSession.EnsureWritable(writable);
        var id = FileId(sha256);
        if (db.FileStorage.Exists(id))
        {
            return;
        }

        using var stream = new MemoryStream(content, writable: false);
        db.FileStorage.Upload(id, sha256, stream);
    }

    public byte[]? FileContent(string sha256)
    {
        var id = FileId(sha256);
        if (!db.FileStorage.Exists(id))
        {
            return null;
        }

        using var stream = db.FileStorage.OpenRead(id);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string FileId(string sha256) => $"rbf/{sha256}";

    // An older version may carry the path or id of a runbook that has since moved: only the latest version counts.
    private Runbook? LatestWhere(string field, string value, Func<Runbook, bool> matches) =>
        _collection.Find(Query.EQ(field, value))
            .Select(doc => doc["slug"].AsString)
            .Distinct()
            .Select(slug => Get(slug))
            .FirstOrDefault(latest => latest is not null && matches(latest));
}
