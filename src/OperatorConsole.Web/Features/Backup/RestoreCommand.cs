using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Backup;
using OperatorConsole.Storage.Common;
using OperatorConsole.Web.Hosting;

namespace OperatorConsole.Web.Features.Backup;

/// <summary>
/// <c>restore --from FILE</c>: puts a verified backup in place of the configured data file, then exits; start the
/// console afterwards. Runs before the web host is built, so nothing serves while the file is replaced.
/// </summary>
public static class RestoreCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "restore";

    /// <returns>The process exit code: 0 restored, 1 refused or misused, 2 the data file is in use or unwritable.</returns>
    public static int Run(WebApplicationBuilder builder, string[] args)
    {
        var from = args.SkipWhile(a => a != "--from").Skip(1).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(from))
        {
            Console.Error.WriteLine("Usage: restore --from BACKUP.db   (the BACKUP.db.json made with it must lie beside it)");
            return 1;
        }

        if (builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() is { UsesPostgreSql: true })
        {
            Console.Error.WriteLine("restore puts back a LiteDB backup; this console uses PostgreSQL: restore its database with pg_restore (docs/SCALE-OUT.md).");
            return 1;
        }

        var paths = StoragePaths.From(builder);
        try
        {
            var outcome = BackupRestore.Restore(from, paths.DataFile, DateTimeOffset.UtcNow, paths.CheckpointLogFile, paths.CheckpointKeyFile);
            Console.WriteLine($"Restored {Path.GetFullPath(from)} into {outcome.DataFile}.");
            Console.WriteLine($"SHA-256 matched; the ledger verifies: {outcome.LedgerEntries} entries, head {outcome.LedgerHead.Sequence} {outcome.LedgerHead.Hash}.");
            if (!outcome.CheckpointsRestored)
            {
                Console.WriteLine("No checkpoints signed with this console's key came with the backup; the console starts a new checkpoint chain"
                    + " at its next start. To keep the backup's checkpoints verifiable, put the original checkpoint key file in place first.");
            }

            if (outcome.SetAside is not null)
            {
                Console.WriteLine($"The replaced data file was kept as {outcome.SetAside}.");
            }

            return 0;
        }
        catch (RestoreRefusedException ex)
        {
            Console.Error.WriteLine($"Restore refused, nothing was replaced: {ex.Message}");
            return 1;
        }
        catch (StoreUnavailableException ex)
        {
            Console.Error.WriteLine($"Restore refused, nothing was replaced: {ex.Message}");
            return 2;
        }
    }
}
