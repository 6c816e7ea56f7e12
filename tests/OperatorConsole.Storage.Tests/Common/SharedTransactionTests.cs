using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>
/// Changes queued while the writer is busy run together in one transaction and are answered after one fsync; a change
/// that fails among them takes none of the others with it. Each test holds the writer between transactions while it
/// queues its changes, so they are all waiting when the writer takes the next transaction.
/// </summary>
public sealed class SharedTransactionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private readonly FillableDisk _disk = new();
    private readonly TestStore _store;

    public SharedTransactionTests() => _store = new TestStore(openFile: _disk.Open);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task WriteAsync_QueuedTogether_EachSeesTheOnesBeforeItAndReadersNoneUntilCommitted()
    {
        User? seenInside = null;
        User? seenByReader = null;
        var release = HoldWriter();
        var first = _store.Store.WriteAsync(s => Upsert(s, "ada"));
        var second = _store.Store.WriteAsync(s =>
        {
            seenInside = s.Users.Get("ada");
            var reader = new Thread(() => seenByReader = _store.Store.Read(r => r.Users.Get("ada")));
            reader.Start();
            reader.Join();
            return Upsert(s, "bob");
        });
        release();

        await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.NotNull(seenInside);
        Assert.Null(seenByReader);
        Assert.NotNull(_store.Store.Read(s => s.Users.Get("bob")));
    }

    [Fact]
    public async Task RunAsync_RefusedAmongQueuedChanges_OthersStoredAndOnlyItsDenialRecorded()
    {
        var release = HoldWriter();
        var before = Record("before");
        var refused = _store.Changes.RunAsync<bool>(TestActors.Admin, c =>
        {
            c.Record("test.write", "refused", new { });
            c.Refuse("test.write", "refused", new { reason = "test refusal" }, new ConflictException("refused"));
            return true;
        });
        var after = Record("after");
        release();

        await Assert.ThrowsAsync<ConflictException>(() => refused.WaitAsync(Patience));
        await Task.WhenAll(before, after).WaitAsync(Patience);

        Assert.Equal(
            [("before", LedgerOutcome.Allowed), ("refused", LedgerOutcome.Denied), ("after", LedgerOutcome.Allowed)],
            _store.Ledger.Select(e => (e.Subject, e.Outcome)));
        Assert.True(_store.Audit.Verify().IsValid);
    }

    [Fact]
    public async Task WriteAsync_ThrowsAmongQueuedChanges_NeighboursStillCommit()
    {
        var release = HoldWriter();
        var before = _store.Store.WriteAsync(s => Upsert(s, "ada"));
        var throws = _store.Store.WriteAsync<bool>(s =>
        {
            Upsert(s, "mallory");
            throw new InvalidOperationException("boom");
        });
        var after = _store.Store.WriteAsync(s => Upsert(s, "bob"));
        release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => throws.WaitAsync(Patience));
        await Task.WhenAll(before, after).WaitAsync(Patience);

        _store.Reopen();
        Assert.Equal(["ada", "bob"], _store.Store.Read(s => s.Users.All().Select(u => u.Id).Order().ToList()));
    }

    [Fact]
    public async Task WriteAsync_QueuedTogether_NotAnsweredBeforeTheirFsyncEnds()
    {
        var release = HoldWriter();
        var writes = new[] { "ada", "bob", "carl" }.Select(id => _store.Store.WriteAsync(s => Upsert(s, id))).ToList();
        _disk.HoldSyncs = true;
        release();

        Assert.True(_disk.SyncStarted.Wait(Patience));
        Assert.All(writes, w => Assert.False(w.IsCompleted));
        _disk.ReleaseSyncs();
        await Task.WhenAll(writes).WaitAsync(Patience);
    }

    [Fact]
    public async Task WriteAsync_CommitOfQueuedChangesFails_AllNotSavedAndNoneInTheReopenedFile()
    {
        var release = HoldWriter();
        var writes = new List<Task<bool>>
        {
            _store.Store.WriteAsync(s => Upsert(s, "ada")),
            _store.Store.WriteAsync(s => Upsert(s, "bob")),
            _store.Store.WriteAsync(s =>
            {
                Upsert(s, "carl");
                _disk.Full = true;
                return true;
            }),
        };
        release();

        foreach (var write in writes)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => write.WaitAsync(Patience));
        }

        _disk.Full = false;
        _store.Reopen();
        Assert.Empty(_store.Store.Read(s => s.Users.All()));
    }

    [Fact]
    public async Task SealHeadAsync_QueuedAmongChanges_AppendsOneCheckpointOfCommittedEntries()
    {
        var checkpointsBefore = _store.Checkpoints.All().Count;
        var release = HoldWriter();
        var before = Record("before");
        var seal = _store.Sealer.SealHeadAsync(CheckpointReasons.Export);
        var throws = _store.Changes.RunAsync<bool>(TestActors.Admin, _ => throw new InvalidOperationException("boom"));
        release();

        var recorded = await before.WaitAsync(Patience);
        await seal.WaitAsync(Patience);
        await Assert.ThrowsAsync<InvalidOperationException>(() => throws.WaitAsync(Patience));

        var sealedNow = Assert.Single(_store.Checkpoints.All().Skip(checkpointsBefore));
        Assert.Equal(recorded.Sequence, sealedNow.Sequence);
        Assert.Equal(recorded.Hash, sealedNow.EntryHash);
        Assert.True(_store.Audit.Verify().IsValid);
    }

    /// <summary>Blocks the writer between transactions until the returned action is called; returns once it is blocked.</summary>
    private Action HoldWriter()
    {
        using var held = new ManualResetEventSlim();
        var release = new ManualResetEventSlim();
        _ = _store.Store.BetweenTransactionsAsync(_ =>
        {
            held.Set();
            return release.Wait(Patience);
        });
        Assert.True(held.Wait(Patience));
        return release.Set;
    }

    private Task<LedgerEntry> Record(string subject) =>
        _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", subject, new { }));

    private static bool Upsert(IStoreSession s, string id)
    {
        s.Users.Upsert(new User { Id = id, DisplayName = id, Roles = Role.Viewer, PasswordHash = "h", CreatedAt = DateTimeOffset.UnixEpoch });
        return true;
    }
}
