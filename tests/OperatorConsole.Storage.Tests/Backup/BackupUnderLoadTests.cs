using System.Collections.Concurrent;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Backup;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Backup;

/// <summary>An online backup taken while several writers keep writing, restored into a fresh store.</summary>
public sealed class BackupUnderLoadTests : IDisposable
{
    private readonly TestStore _store = new();
    private readonly string _restored = Path.Combine(Path.GetTempPath(), "oc-storage-tests", Guid.NewGuid().ToString("N"), "restored.db");

    public void Dispose()
    {
        _store.Dispose();
        if (Directory.Exists(Path.GetDirectoryName(_restored)))
        {
            Directory.Delete(Path.GetDirectoryName(_restored)!, recursive: true);
        }
    }

    [Fact]
    public async Task CreateAsync_WhileFourWritersWrite_RestoredCopyHoldsEveryWriteAcknowledgedBeforeIt()
    {
        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var subject = $"w{w}-{i}";
                await _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", subject, new { }));
                acknowledged.Add(subject);
            }
        })).ToList();
        while (acknowledged.Count < 50)
        {
            await Task.Yield();
        }

        var before = acknowledged.ToHashSet();
        var backup = await _store.Backups.CreateAsync(TestActors.Admin);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var outcome = BackupRestore.Restore(Path.Combine(_store.BackupFolder, backup.File), _restored, DateTimeOffset.UtcNow);
        using var restored = new LiteConsoleStore(_restored);
        var entries = restored.Read(s => s.Ledger.All().ToList());

        Assert.Subset(entries.Select(e => e.Subject).ToHashSet(), before);
        Assert.True(LedgerVerifier.Verify(entries).IsValid);
        Assert.Equal(backup.LedgerHead.Sequence, entries[^1].Sequence);
        Assert.Equal(backup.LedgerHead.Hash, entries[^1].Hash);
        Assert.Contains(entries, e => e.Action == "backup.create" && e.Subject == $"backup:{backup.File}");
        Assert.Null(outcome.SetAside);
    }

    [Fact]
    public async Task CreateAsync_Made_RecordsTheSha256OfTheFileItWrote()
    {
        await _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", "one", new { }));

        var backup = await _store.Backups.CreateAsync(TestActors.Admin);

        var path = Path.Combine(_store.BackupFolder, backup.File);
        Assert.Equal(LiteBackupFolder.Sha256Of(path), backup.Sha256);
        Assert.Equal(new FileInfo(path).Length, backup.Bytes);
        Assert.Equal([backup], await _store.Backups.ListAsync(TestActors.Admin));
    }

    [Fact]
    public async Task CreateAsync_NotAdmin_IsRefusedAndMakesNoBackup()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Backups.CreateAsync(TestActors.Omar));

        Assert.Empty(await _store.Backups.ListAsync(TestActors.Admin));
        Assert.Equal(LedgerOutcome.Denied, _store.Ledger.Single().Outcome);
    }

    [Fact]
    public async Task CreateAsync_BackupFolderNotWritable_IsUnavailableAndTheStoreStaysHealthy()
    {
        Directory.CreateDirectory(_store.Folder);
        await File.WriteAllTextAsync(_store.BackupFolder, "a file where the folder should be");

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.Backups.CreateAsync(TestActors.Admin));
        await _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", "after", new { }));

        Assert.Contains(_store.BackupFolder, refused.Message, StringComparison.Ordinal);
        Assert.Null(_store.Store.LastFailure);
        Assert.Equal("after", _store.Ledger[^1].Subject);
    }
}
