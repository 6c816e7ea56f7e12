using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Storage.PostgreSql.Backup;

/// <summary>
/// A PostgreSQL store has no backups folder: its backups are the database server's job (pg_dump, or the server's own
/// base backups and WAL archiving; see docs/SCALE-OUT.md). The Backups page lists nothing and a backup is refused.
/// </summary>
public sealed class PgBackupFolder : IBackupFolder
{
    public const string Refusal =
        "This console keeps its data in PostgreSQL: back it up with pg_dump or the server's own backups (docs/SCALE-OUT.md), not from the console.";

    public Task<StoreBackup> CreateAsync(string file, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromException<StoreBackup>(new ConflictException(Refusal));

    public IReadOnlyList<StoreBackup> List() => [];

    public Stream? OpenRead(string file) => null;
}
