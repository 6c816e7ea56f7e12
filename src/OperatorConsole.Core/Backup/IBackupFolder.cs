namespace OperatorConsole.Core.Backup;

/// <summary>Where backups are made and kept; the store implements it.</summary>
public interface IBackupFolder
{
    /// <summary>
    /// Copies the committed data into <paramref name="file"/> between two transactions while writes keep queueing,
    /// so the copy is consistent and holds every write acknowledged before it.
    /// </summary>
    Task<StoreBackup> CreateAsync(string file, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    IReadOnlyList<StoreBackup> List();

    /// <summary>The backup's bytes, or null when the folder holds no backup of that name.</summary>
    Stream? OpenRead(string file);
}
