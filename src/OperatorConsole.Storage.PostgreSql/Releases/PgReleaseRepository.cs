using OperatorConsole.Core.Releases;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Releases;

/// <summary>Releases by id (the manifest id), with their scope as a column for the per-scope list.</summary>
internal sealed class PgReleaseRepository(PgContext db) : IReleaseRepository
{
    private readonly PgDocuments _releases = new(db, "releases");

    public Release? Get(string id) => _releases.Get<Release>(id);

    public IReadOnlyList<Release> List(string? scopeId = null) =>
        [.. _releases.Where<Release>("@scope::text IS NULL OR scope_id = @scope", ("scope", scopeId))
            .OrderByDescending(r => r.RegisteredAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public void Upsert(Release release) => _releases.Upsert(release.Id, release, ("scope_id", release.ScopeId));
}
