using LiteDB;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Backup;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Backup;

/// <summary>A restore checks the backup's SHA-256 and its ledger before it replaces anything.</summary>
public sealed class RestoreTests : IDisposable
{
    private readonly TestStore _store = new();
    private readonly TestStore _target = new();

    public void Dispose()
    {
        _store.Dispose();
        _target.Dispose();
    }

    [Fact]
    public async Task Restore_VerifiedBackup_ReplacesTheDataFileAndKeepsTheOldOneAside()
    {
        var backup = await BackupWithEntries();
        await _target.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", "replaced", new { }));
        _target.Close();

        var outcome = BackupRestore.Restore(BackupPath(backup), _target.DataFile, DateTimeOffset.UtcNow);
        _target.Open();

        Assert.Equal(backup.LedgerHead.Sequence, _target.Store.Read(s => s.Ledger.Head())!.Sequence);
        Assert.True(_target.Audit.Verify().IsValid);
        Assert.True(File.Exists(outcome.SetAside));
    }

    [Fact]
    public async Task Restore_OverTheSameConsoleSealedFurther_BringsBackTheBackupsCheckpointsAndVerifies()
    {
        await _store.Sealer.SealHeadAsync(CheckpointReasons.Interval);
        var backup = await BackupWithEntries();
        await _store.Sealer.SealHeadAsync(CheckpointReasons.Interval);
        await _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", "after-backup", new { }));
        await _store.Sealer.SealHeadAsync(CheckpointReasons.Interval);
        _store.Close();

        var outcome = BackupRestore.Restore(BackupPath(backup), _store.DataFile, DateTimeOffset.UtcNow);
        _store.Open();

        Assert.True(outcome.CheckpointsRestored);
        var verification = _store.Audit.Verify();
        Assert.True(verification.IsValid, verification.Problem);
        Assert.True(verification.SealedThrough > 0);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_store.DataFile)!, "*.checkpoints.jsonl.before-restore-*"));
    }

    [Fact]
    public async Task Restore_FileChangedAfterBackup_IsRefusedNamingBothHashes()
    {
        var backup = await BackupWithEntries();
        await using (var file = File.OpenWrite(BackupPath(backup)))
        {
            file.Position = file.Length - 1;
            file.WriteByte(0x5a);
        }

        _target.Close();
        var refused = Assert.Throws<RestoreRefusedException>(() => BackupRestore.Restore(BackupPath(backup), _target.DataFile, DateTimeOffset.UtcNow));
        _target.Open();

        Assert.Contains(backup.Sha256, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_LedgerEntryEditedAndHashRecorded_IsRefusedByTheChain()
    {
        var backup = await BackupWithEntries();
        using (var db = new LiteDatabase(BackupPath(backup)))
        {
            var ledger = db.GetCollection("ledger");
            var entry = ledger.FindById(2);
            entry["subject"] = "forged";
            ledger.Update(entry);
        }

        File.Delete(LiteConsoleStore.LogFileFor(BackupPath(backup)));
        File.WriteAllText(BackupPath(backup) + ".json", System.Text.Json.JsonSerializer.Serialize(
            backup with { Sha256 = LiteBackupFolder.Sha256Of(BackupPath(backup)) }, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

        _target.Close();
        var refused = Assert.Throws<RestoreRefusedException>(() => BackupRestore.Restore(BackupPath(backup), _target.DataFile, DateTimeOffset.UtcNow));
        _target.Open();

        Assert.Contains("Entry 2", refused.Message, StringComparison.Ordinal);
        Assert.Null(_target.Store.Read(s => s.Ledger.Head()));
    }

    [Fact]
    public async Task Restore_WhileAConsoleHoldsTheDataFile_IsRefused()
    {
        var backup = await BackupWithEntries();

        var refused = Assert.Throws<StoreUnavailableException>(() => BackupRestore.Restore(BackupPath(backup), _target.DataFile, DateTimeOffset.UtcNow));

        Assert.Contains(_target.DataFile, refused.Message, StringComparison.Ordinal);
    }

    private async Task<StoreBackup> BackupWithEntries()
    {
        for (var i = 0; i < 3; i++)
        {
            await _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", $"entry-{i}", new { }));
        }

        return await _store.Backups.CreateAsync(TestActors.Admin);
    }

    private string BackupPath(StoreBackup backup) => Path.Combine(_store.BackupFolder, backup.File);
}
