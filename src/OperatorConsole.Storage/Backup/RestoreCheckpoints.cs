using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.Audit;

namespace OperatorConsole.Storage.Backup;

/// <summary>
/// The checkpoints a restore brings along: those taken with the backup, when the console that will serve the restored
/// file holds the key that signed them. Without that key they could not be verified there, so they stay beside the
/// backup and the console starts a new checkpoint chain at its next start.
/// </summary>
internal static class RestoreCheckpoints
{
    public static (IReadOnlyList<LedgerCheckpoint> Checkpoints, CheckpointKey? Signer) For(string backupFile, string keyFile)
    {
        var path = LiteBackupFolder.CheckpointsOf(backupFile);
        var all = File.Exists(path) ? new FileCheckpointLog(path).All() : [];
        if (all.Count == 0 || !File.Exists(keyFile))
        {
            return ([], null);
        }

        var key = new CheckpointKey(keyFile);
        if (all.All(c => c.KeyId == key.KeyId))
        {
            return (all, key);
        }

        key.Dispose();
        return ([], null);
    }
}
