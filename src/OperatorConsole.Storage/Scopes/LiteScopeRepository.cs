using LiteDB;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Scopes;

/// <summary>Scopes by id; manifests by id with their scope indexed (content travels inside the JSON envelope).</summary>
internal sealed class LiteScopeRepository(ILiteDatabase db, bool writable) : IScopeRepository
{
    private readonly ILiteCollection<BsonDocument> _scopes = db.GetCollection(LiteSchema.Scopes);
    private readonly ILiteCollection<BsonDocument> _manifests = db.GetCollection(LiteSchema.Manifests);

    public Scope? Get(string id)
    {
        var doc = _scopes.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<Scope>(doc);
    }

    public IReadOnlyList<Scope> All() =>
        [.. _scopes.FindAll().Select(JsonDocuments.Unwrap<Scope>).OrderBy(s => s.Id, StringComparer.Ordinal)];

    public void Upsert(Scope scope)
    {
        LiteSession.EnsureWritable(writable);
        _scopes.Upsert(JsonDocuments.Wrap(scope.Id, scope));
    }

    public Manifest? GetManifest(string id)
    {
        var doc = _manifests.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<Manifest>(doc);
    }

    public IReadOnlyList<Manifest> Manifests(string scopeId) =>
        [.. _manifests.Find(Query.EQ("scopeId", scopeId)).Select(JsonDocuments.Unwrap<Manifest>)
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];

    public void Upsert(Manifest manifest)
    {
        LiteSession.EnsureWritable(writable);
        _manifests.Upsert(JsonDocuments.Wrap(manifest.Id, manifest, ("scopeId", manifest.ScopeId)));
    }
}
