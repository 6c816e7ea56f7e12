using LiteDB;
using OperatorConsole.Core.Releases;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Releases;

/// <summary>Releases by id (the manifest id), with their scope indexed for the per-scope list.</summary>
internal sealed class LiteReleaseRepository(ILiteDatabase db, bool writable) : IReleaseRepository
{
    private readonly ILiteCollection<BsonDocument> _releases = db.GetCollection(LiteSchema.Releases);

    public Release? Get(string id)
    {
        var doc = _releases.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<Release>(doc);
    }

    public IReadOnlyList<Release> List(string? scopeId = null) =>
        [.. (scopeId is null ? _releases.FindAll() : _releases.Find(Query.EQ("scopeId", scopeId)))
            .Select(JsonDocuments.Unwrap<Release>)
            .OrderByDescending(r => r.RegisteredAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public void Upsert(Release release)
    {
        LiteSession.EnsureWritable(writable);
        _releases.Upsert(JsonDocuments.Wrap(release.Id, release, ("scopeId", release.ScopeId)));
    }
}
