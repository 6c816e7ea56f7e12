using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Backup;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Backup;

/// <summary>The backup was not restored; the message says which check it failed.</summary>
public sealed class RestoreRefusedException(string message) : Exception(message);

/// <summary>What a restore put in place, and where the file it replaced was set aside.</summary>
public sealed record RestoreOutcome(string DataFile, string? SetAside, BackupLedgerHead LedgerHead, long LedgerEntries, bool CheckpointsRestored);

/// <summary>
/// Puts a backup in place of the data file, run while the console is stopped (the data file's lock refuses it while a
/// console runs). Before anything is replaced the backup must match the SHA-256 recorded beside it, and a working
/// copy must hold a ledger that verifies from the genesis entry, ends at the recorded head and agrees with the checkpoints
/// taken with the backup. Those checkpoints then replace the checkpoint log (the old one is set aside with the old data
/// file): a restore is a deliberate rollback, and the set-aside log is the record that it happened. Checkpoints signed
/// with a key the target does not hold are left beside the backup (<see cref="RestoreCheckpoints"/>).
/// </summary>
public static class BackupRestore
{
    public static RestoreOutcome Restore(
        string backupFile, string dataFile, DateTimeOffset now, string? checkpointLogFile = null, string? checkpointKeyFile = null)
    {
        checkpointLogFile = Path.GetFullPath(checkpointLogFile ?? FileCheckpointLog.DefaultPathFor(dataFile));
        checkpointKeyFile = Path.GetFullPath(checkpointKeyFile ?? CheckpointKey.DefaultPathFor(dataFile));
        backupFile = Path.GetFullPath(backupFile);
        dataFile = Path.GetFullPath(dataFile);
        Directory.CreateDirectory(Path.GetDirectoryName(dataFile)!);
        using var held = DataFileLock.Acquire(dataFile);
        var recorded = LiteBackupFolder.ReadSidecar(backupFile + ".json")
            ?? throw new RestoreRefusedException($"No readable {backupFile}.json beside the backup: it records the SHA-256 and ledger head a restore checks.");
        var sha256 = File.Exists(backupFile) ? LiteBackupFolder.Sha256Of(backupFile) : throw new RestoreRefusedException($"No backup file {backupFile}.");
        if (sha256 != recorded.Sha256)
        {
            throw new RestoreRefusedException($"{backupFile} has SHA-256 {sha256}, but {recorded.Sha256} was recorded when it was made: the file changed since.");
        }

        var staging = dataFile + ".restoring";
        RemoveWithLog(staging);
        File.Copy(backupFile, staging);
        var (checkpoints, signer) = RestoreCheckpoints.For(backupFile, checkpointKeyFile);
        using var key = signer;
        var (verification, head) = VerifyLedger(staging, checkpoints, signer);
        if (!verification.IsValid || head is null || head.Sequence != recorded.LedgerHead.Sequence || head.Hash != recorded.LedgerHead.Hash)
        {
            RemoveWithLog(staging);
            throw new RestoreRefusedException(verification.IsValid
                ? $"The backup's ledger ends at entry {head?.Sequence ?? 0}, but entry {recorded.LedgerHead.Sequence} ({recorded.LedgerHead.Hash}) was recorded when it was made."
                : $"The backup's ledger does not verify: {verification.Problem}");
        }

        var setAside = File.Exists(dataFile) ? $"{dataFile}.before-restore-{now:yyyyMMdd-HHmmss}" : null;
        if (setAside is not null)
        {
            File.Move(dataFile, setAside);
            MoveIfPresent(LiteConsoleStore.LogFileFor(dataFile), LiteConsoleStore.LogFileFor(setAside));
        }

        MoveIfPresent(checkpointLogFile, $"{checkpointLogFile}.before-restore-{now:yyyyMMdd-HHmmss}");
        if (checkpoints.Count > 0)
        {
            File.Copy(LiteBackupFolder.CheckpointsOf(backupFile), checkpointLogFile);
        }

        File.Move(staging, dataFile);
        MoveIfPresent(LiteConsoleStore.LogFileFor(staging), LiteConsoleStore.LogFileFor(dataFile));
        File.Delete(DataFileLock.PathFor(staging));
        return new RestoreOutcome(dataFile, setAside, recorded.LedgerHead, verification.EntryCount, checkpoints.Count > 0);
    }

    private static (LedgerVerification Verification, LedgerEntry? Head) VerifyLedger(
        string file, IReadOnlyList<LedgerCheckpoint> checkpoints, ICheckpointSigner? signer)
    {
        using var store = new LiteConsoleStore(file);
        return store.Read(s => (LedgerVerifier.Verify(s.Ledger.All(), checkpoints, signer), s.Ledger.Head()));
    }

    private static void RemoveWithLog(string file)
    {
        File.Delete(file);
        File.Delete(LiteConsoleStore.LogFileFor(file));
    }

    private static void MoveIfPresent(string from, string to)
    {
        if (File.Exists(from) && new FileInfo(from).Length > 0)
        {
            File.Move(from, to);
        }
        else
        {
            File.Delete(from);
        }
    }
}
