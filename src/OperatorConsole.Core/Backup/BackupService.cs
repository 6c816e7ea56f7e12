using System.Globalization;
using System.Security.Cryptography;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Backup;

/// <summary>
/// Online backups, for Admins only. The backup's ledger entry is committed first, so every backup holds the record of
/// its own making; the copy follows on the writer between two transactions.
/// </summary>
public sealed class BackupService(ChangeRunner changes, IBackupFolder folder)
{
    public async Task<StoreBackup> CreateAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var at = changes.Now;
        var file = string.Create(CultureInfo.InvariantCulture, $"operator-console-{at:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}.db");
        await changes.RunAsync(actor, c =>
        {
            c.Require(BackupActions.Create, "backup");
            return c.Record(BackupActions.Create, $"backup:{file}", new { file });
        }, cancellationToken);
        return await folder.CreateAsync(file, at, cancellationToken);
    }

    public async Task<IReadOnlyList<StoreBackup>> ListAsync(Actor actor)
    {
        await changes.CheckAsync(actor, c => c.Require(BackupActions.List, "backup"));
        return folder.List();
    }

    /// <summary>The backup's bytes for download; the download is ledgered, as a copy of all data leaves the console.</summary>
    public async Task<Stream> DownloadAsync(Actor actor, string file)
    {
        await changes.CheckAsync(actor, c => c.Require(BackupActions.Download, $"backup:{file}"));
        var stream = folder.OpenRead(file) ?? throw new NotFoundException($"No backup '{file}'.");
        try
        {
            await changes.RunAsync(actor, c =>
            {
                c.Require(BackupActions.Download, $"backup:{file}");
                return c.Record(BackupActions.Download, $"backup:{file}", new { file });
            });
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }
}
