using Microsoft.AspNetCore.Builder;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.PostgreSql.Common;
using OperatorConsole.Testing;
using OperatorConsole.Testing.PostgreSql;
using OperatorConsole.Web.Features.Backup;

namespace OperatorConsole.Web.Tests.Features.Backup;

/// <summary>`migrate --to-postgres` end to end: a demo console on LiteDB, stopped, copied, and started again on PostgreSQL.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-migrate-").FullName;
    private readonly string _database = PostgresServer.Shared.CreateDatabase();

    private string DataFile => Path.Combine(_folder, "console.db");

    public void Dispose()
    {
        PostgresServer.Shared.DropDatabase(_database);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Migrate_DemoConsole_StartsOnPostgreSqlWithTheSameLedgerHeadAndRecords()
    {
        LedgerEntry head;
        (string Id, string Title)[] incidents;
        string[] users;
        ConsoleHost.WithSettings(("Storage:DataFile", DataFile)).Dispose();

        // What the stopped console left: a running one keeps writing (demo health checks open incidents, it seals on stop).
        await StoppedAsync();
        using (var stopped = new LiteConsoleStore(DataFile))
        {
            head = stopped.Read(s => s.Ledger.Head())!;
            incidents = stopped.Read(s => s.Incidents.All().Select(i => (i.Id, i.Title)).ToArray());
            users = stopped.Read(s => s.Users.All().Select(u => u.Id).ToArray());
        }

        var (exitCode, output) = await MigrateAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains($"head {head.Sequence} {head.Hash}", output, StringComparison.Ordinal);
        using var postgres = ConsoleHost.WithSettings(
            ("Storage:DataFile", DataFile), ("Storage:Provider", "PostgreSQL"), ("ConnectionStrings:Console", _database));
        Assert.IsType<PgConsoleStore>(postgres.Service<IStoreStatus>());
        Assert.Equal(head.Hash, postgres.Service<IConsoleStore>().Read(s => s.Ledger.Get(head.Sequence))!.Hash);
        // The started console may open incidents of its own (its demo health checks); every migrated one is there as it was.
        var onPostgres = postgres.Service<IncidentService>().List().Select(i => (i.Id, i.Title)).ToHashSet();
        Assert.All(incidents, i => Assert.Contains(i, onPostgres));
        Assert.Equal(users.Order(StringComparer.Ordinal), postgres.Service<UserService>().List().Select(u => u.Id).Order(StringComparer.Ordinal));
        var verification = postgres.Service<AuditService>().Verify();
        Assert.True(verification.IsValid, verification.Problem);
    }

    [Fact]
    public async Task Migrate_IntoADatabaseThatHoldsAConsole_IsRefusedAndCopiesNothing()
    {
        ConsoleHost.WithSettings(("Storage:DataFile", DataFile)).Dispose();
        await StoppedAsync();
        Assert.Equal(0, (await MigrateAsync()).ExitCode);

        var (exitCode, output) = await MigrateAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("is not empty", output, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Shared.Password, output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits until the disposed test host has let go of the data file's lock: an in-process host can finish closing its
    /// store just after Dispose returns, where a stopped console process has let go of it by exiting.
    /// </summary>
    private async Task StoppedAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                using var probe = new FileStream(DataFile + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (IOException)
            {
                await Task.Delay(50, patience.Token);
            }
        }
    }

    private async Task<(int ExitCode, string Output)> MigrateAsync()
    {
        string[] args = ["migrate", "--to-postgres", _database];
        var builder = WebApplication.CreateBuilder([.. args, $"--Storage:DataFile={DataFile}"]);
        using var output = new StringWriter();
        var exitCode = await MigrateCommand.RunAsync(builder, args, output, output);
        return (exitCode, output.ToString());
    }
}
