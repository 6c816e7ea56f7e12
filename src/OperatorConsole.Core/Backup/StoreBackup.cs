namespace OperatorConsole.Core.Backup;

/// <summary>The last ledger entry a backup holds: a restore must find a verifying chain ending exactly here.</summary>
public sealed record BackupLedgerHead(long Sequence, string Hash);

/// <summary>One backup file in the backups folder, with the SHA-256 of its bytes and the ledger head it contains.</summary>
public sealed record StoreBackup(string File, string Sha256, long Bytes, BackupLedgerHead LedgerHead, DateTimeOffset CreatedAt);
