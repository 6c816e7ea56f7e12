using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.PostgreSql.Common;
using OperatorConsole.Storage.PostgreSql.Migration;
using OperatorConsole.Web.Hosting;

namespace OperatorConsole.Web.Features.Backup;

/// <summary>
/// <c>migrate --to-postgres "CONNECTION STRING"</c>: copies the stopped console's LiteDB file (Storage:DataFile) into an
/// empty PostgreSQL database, ledger verified before and after and ending on the same head, then exits. Start the console
/// with Storage:Provider=PostgreSQL and ConnectionStrings:Console afterwards; the checkpoint key and log stay where they are.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    /// <returns>The process exit code: 0 copied, 1 refused or misused, 2 a store could not be opened.</returns>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args, TextWriter output, TextWriter errors)
    {
        var target = args.SkipWhile(a => a != "--to-postgres").Skip(1).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(target))
        {
            await errors.WriteLineAsync("Usage: migrate --to-postgres \"Host=...;Database=...;Username=...;Password=...\"   (stop the console first)");
            return 1;
        }

        var dataFile = StoragePaths.From(builder).DataFile;
        if (!File.Exists(dataFile))
        {
            await errors.WriteLineAsync($"Migration refused: there is no LiteDB data file at {dataFile} (check Storage:DataFile).");
            return 1;
        }

        try
        {
            using var source = new LiteConsoleStore(dataFile);
            using var postgres = new PgConsoleStore(target);
            var outcome = await LiteToPostgres.CopyAsync(source, postgres);
            await output.WriteLineAsync($"Copied {dataFile} into PostgreSQL at {postgres.Location}.");
            await output.WriteLineAsync($"The ledger verifies on both sides: {outcome.LedgerEntries} entries, head {outcome.HeadSequence} {outcome.HeadHash}.");
            await output.WriteLineAsync(string.Join(", ", outcome.Records.Select(r => $"{r.Key} {r.Value}")));
            await output.WriteLineAsync($"Now start the console with Storage:Provider={StorageProviders.PostgreSql} and ConnectionStrings:Console set.");
            return 0;
        }
        catch (MigrationRefusedException ex)
        {
            await errors.WriteLineAsync($"Migration refused, nothing was copied: {ex.Message}");
            return 1;
        }
        catch (StoreUnavailableException ex)
        {
            await errors.WriteLineAsync($"Migration refused, nothing was copied: {ex.Message}");
            return 2;
        }
    }
}
