using System.Security.Cryptography;
using System.Text.Json;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Backup;

/// <summary>
/// Backups as copies of the LiteDB data file, each with a <c>.json</c> sidecar holding its SHA-256 and ledger head.
/// The copy runs on the store's writer between two transactions, after a checkpoint has moved the log into the data
/// file: nothing writes the data file meanwhile, so the copy is consistent, and writes only wait in the queue.
/// The checkpoints sealing the copied ledger go beside it (<c>.checkpoints.jsonl</c>), so a restore brings back the
/// checkpoint log that matches the ledger it restores.
/// </summary>
public sealed class LiteBackupFolder(LiteConsoleStore store, string folder, FileCheckpointLog checkpoints) : IBackupFolder
{
    private static readonly JsonSerializerOptions SidecarJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Folder { get; } = Path.GetFullPath(folder);

    public Task<StoreBackup> CreateAsync(string file, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var target = PathOf(file) ?? throw new ArgumentException($"'{file}' is not a backup file name.", nameof(file));
        return store.BetweenTransactionsAsync(
            db =>
            {
                db.Checkpoint();
                var head = new LiteLedgerRepository(db.Db, writable: false).Head();
                var (sha256, bytes) = CopyDurably(store.DataFile, target, Folder);
                checkpoints.CopyThrough(head?.Sequence ?? 0, CheckpointsOf(target));
                var backup = new StoreBackup(file, sha256, bytes, new BackupLedgerHead(head?.Sequence ?? 0, head?.Hash ?? ""), at);
                File.WriteAllText(target + ".json", JsonSerializer.Serialize(backup, SidecarJson));
                return backup;
            },
            cancellationToken);
    }

    public IReadOnlyList<StoreBackup> List() =>
        !Directory.Exists(Folder)
            ? []
            : Directory.EnumerateFiles(Folder, "*.db.json")
                .Select(ReadSidecar)
                .OfType<StoreBackup>()
                .Where(b => File.Exists(PathOf(b.File)))
                .OrderByDescending(b => b.CreatedAt)
                .ToList();

    public Stream? OpenRead(string file) =>
        PathOf(file) is { } path && File.Exists(path) && File.Exists(path + ".json")
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read)
            : null;

    /// <summary>The sidecar written next to a backup file, or null when it is missing or unreadable.</summary>
    public static StoreBackup? ReadSidecar(string sidecarPath)
    {
        try
        {
            return JsonSerializer.Deserialize<StoreBackup>(File.ReadAllText(sidecarPath), SidecarJson);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Where the checkpoint log that belongs to a backup file lies.</summary>
    public static string CheckpointsOf(string backupPath) => backupPath + ".checkpoints.jsonl";

    public static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    // Only plain names of backup files: a name from a request can never reach outside the folder.
    private string? PathOf(string file) =>
        file.Length is > 3 and < 120 && file.EndsWith(".db", StringComparison.Ordinal) && Path.GetFileName(file) == file
        && file.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')
            ? Path.Combine(Folder, file)
            : null;

    /// <summary>A copy that fails (the backups folder full or not writable) leaves no partial file and says where.</summary>
    private static (string Sha256, long Bytes) CopyDurably(string source, string target, string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = from.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                to.Write(buffer, 0, read);
            }

            to.Flush(flushToDisk: true);
            return (Convert.ToHexStringLower(hash.GetHashAndReset()), to.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(target))
            {
                File.Delete(target);
            }

            throw new StoreUnavailableException($"The backup could not be written to {folder}: {ex.Message}", ex);
        }
    }
}
