using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Crash;

namespace OperatorConsole.Web.Tests.Features.Backup;

/// <summary>The documented procedure end to end: back up over the API, stop, `restore --from FILE` into a new file, start.</summary>
public sealed class RestoreCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("operator-console-restore-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Logs => Path.Combine(_folder, "logs");

    [Fact]
    public async Task Restore_BackupMadeOverTheApi_RestoredConsoleHoldsItsIncidentsOnAVerifyingLedger()
    {
        var source = Path.Combine(_folder, "source", "console.db");
        var key = await OfflineConsole.CreateApiKeyAsync(source, Role.Admin | Role.OnCall);
        StoreBackup backup;
        using (var child = await ChildConsole.StartAsync(source, Logs))
        {
            using var client = new HttpClient { BaseAddress = child.BaseAddress };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            using var opened = await IncidentWrites.OpenAsync(client, "kept by the backup");
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            using var made = await client.PostAsync("/api/backups", null);
            backup = await ConsoleHost.ReadAsync<StoreBackup>(made);
        }

        var target = Path.Combine(_folder, "target", "console.db");
        var backupFile = Path.Combine(_folder, "source", "backups", backup.File);
        var (exitCode, output) = await ChildConsole.RunToExitAsync(target, Logs, "restore", "--from", backupFile);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"head {backup.LedgerHead.Sequence} {backup.LedgerHead.Hash}", output, StringComparison.Ordinal);
        using var restored = OfflineConsole.Services(target);
        Assert.Equal(["kept by the backup"], restored.GetRequiredService<IncidentService>().List().Select(i => i.Title));
        Assert.True(restored.GetRequiredService<AuditService>().Verify().IsValid);
    }

    [Fact]
    public async Task Restore_WhileAConsoleRunsOnTheTarget_IsRefusedWithCode2()
    {
        var target = Path.Combine(_folder, "console.db");
        var backupFile = Path.Combine(_folder, "any-backup.db");
        using var running = await ChildConsole.StartAsync(target, Logs);

        var (exitCode, output) = await ChildConsole.RunToExitAsync(target, Logs, "restore", "--from", backupFile);

        Assert.Equal(2, exitCode);
        Assert.Contains($"nothing was replaced: Another process is using the data file {target}", output, StringComparison.Ordinal);
    }
}
