using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Scopes;

/// <summary>Scopes by id; manifests by id with their scope as a column (content travels inside the JSON).</summary>
internal sealed class PgScopeRepository(PgContext db) : IScopeRepository
{
    private readonly PgDocuments _scopes = new(db, "scopes");
    private readonly PgDocuments _manifests = new(db, "manifests");

    public Scope? Get(string id) => _scopes.Get<Scope>(id);

    public IReadOnlyList<Scope> All() => _scopes.Ordered<Scope>("true", "ORDER BY id");

    public void Upsert(Scope scope) => _scopes.Upsert(scope.Id, scope);

    public Manifest? GetManifest(string id) => _manifests.Get<Manifest>(id);

    public IReadOnlyList<Manifest> Manifests(string scopeId) =>
        [.. _manifests.Where<Manifest>("scope_id = @scope", ("scope", scopeId))
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];

    public void Upsert(Manifest manifest) => _manifests.Upsert(manifest.Id, manifest, ("scope_id", manifest.ScopeId));
}
