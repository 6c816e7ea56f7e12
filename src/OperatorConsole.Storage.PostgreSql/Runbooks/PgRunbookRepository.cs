using OperatorConsole.Core.Runbooks;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Runbooks;

/// <summary>Versions keyed "slug@version"; imported files in runbook_files keyed by SHA-256, in the same transaction.</summary>
internal sealed class PgRunbookRepository(PgContext db) : IRunbookRepository
{
    private readonly PgDocuments _versions = new(db, "runbooks");

    public Runbook? Get(string slug, int? version = null) =>
        version is { } v
            ? _versions.Get<Runbook>($"{slug}@{v}")
            : _versions.Ordered<Runbook>("slug = @slug", "ORDER BY version DESC LIMIT 1", ("slug", slug)).FirstOrDefault();

    public IReadOnlyList<Runbook> Latest() =>
        _versions.Where<Runbook>("version = (SELECT max(r.version) FROM runbooks r WHERE r.slug = runbooks.slug)");

    public IReadOnlyList<Runbook> Versions(string slug) =>
        _versions.Ordered<Runbook>("slug = @slug", "ORDER BY version DESC", ("slug", slug));

    // An older version may carry the path or id of a runbook that has since moved: only the latest version counts.
    public Runbook? FindBySourcePath(string sourcePath) => LatestWhere("source_path", sourcePath).FirstOrDefault(r => r.SourcePath == sourcePath);

    public Runbook? FindByDeclaredId(string declaredId) => LatestWhere("declared_id", declaredId).FirstOrDefault(r => r.DeclaredId == declaredId);

    public int CountVersions() => _versions.Count();

    public void Add(Runbook runbook) =>
        _versions.Insert(runbook.Id, runbook,
            ("slug", runbook.Slug), ("version", runbook.Version), ("source_path", runbook.SourcePath), ("declared_id", runbook.DeclaredId));

    public void AddFileContent(string sha256, byte[] content) =>
        db.Execute("INSERT INTO runbook_files (sha256, content) VALUES (@sha, @content) ON CONFLICT (sha256) DO NOTHING", ("sha", sha256), ("content", content));

    public byte[]? FileContent(string sha256) =>
        db.Rows("SELECT content FROM runbook_files WHERE sha256 = @sha", r => (byte[])r[0], ("sha", sha256)).FirstOrDefault();

    private IEnumerable<Runbook> LatestWhere(string column, string value) =>
        _versions.Where<Runbook>($"slug IN (SELECT slug FROM runbooks WHERE {column} = @value)", ("value", value))
            .GroupBy(r => r.Slug).Select(g => g.MaxBy(r => r.Version)!);
}
