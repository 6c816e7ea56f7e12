using LiteDB;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>Transactions, the single writer, read sessions, durability across reopen, tamper detection.</summary>
public sealed class LiteConsoleStoreTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task RunAsync_ChangeThrowsAfterRecord_LeavesNeitherChangeNorLedgerEntry()
    {
        await Assert.ThrowsAsync<DomainValidationException>(() => _store.Changes.RunAsync<bool>(TestActors.Admin, c =>
        {
            c.Session.Users.Upsert(User("bob"));
            c.Record("user.create", "user:bob", new { });
            throw new DomainValidationException("changed my mind");
        }));

        Assert.Null(_store.Store.Read(s => s.Users.Get("bob")));
        Assert.Empty(_store.Ledger);
    }

    [Fact]
    public async Task RunAsync_ChangeThrowsAfterPublish_PublishesNoEvent()
    {
        using var watcher = _store.Broadcaster.Subscribe(Topics.All);

        await Assert.ThrowsAsync<DomainValidationException>(() => _store.Changes.RunAsync<bool>(TestActors.Admin, c =>
        {
            c.Record("user.create", "user:bob", new { });
            c.Publish(Topics.Users, "user.created", "bob");
            throw new DomainValidationException("changed my mind");
        }));

        Assert.False(watcher.Reader.TryRead(out _));
    }

    [Fact]
    public async Task RunAsync_AfterRolledBackChange_NextEntryContinuesTheChain()
    {
        await _store.Changes.RunAsync(TestActors.Admin, c => c.Record("a.one", "s", new { }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.Changes.RunAsync<bool>(TestActors.Admin, c =>
        {
            c.Record("a.two", "s", new { });
            throw new InvalidOperationException("boom");
        }));

        var next = await _store.Changes.RunAsync(TestActors.Admin, c => c.Record("a.three", "s", new { }));

        Assert.Equal(2, next.Sequence);
        Assert.True(_store.Audit.Verify().IsValid);
    }

    [Fact]
    public async Task RunAsync_Committed_PublishesLedgerAndChangeEventsAfterwards()
    {
        using var watcher = _store.Broadcaster.Subscribe(Topics.All);

        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough", Role.Viewer);

        Assert.True(watcher.Reader.TryRead(out var ledger));
        Assert.Equal("ledger.appended", ledger.Kind);
        Assert.True(watcher.Reader.TryRead(out var created));
        Assert.Equal("user.created", created.Kind);
        Assert.Equal(1, created.LedgerSequence);
    }

    [Fact]
    public async Task WriteAsync_Completed_IsVisibleToTheNextRead()
    {
        await _store.Store.WriteAsync(s =>
        {
            s.Users.Upsert(User("bob"));
            return true;
        });

        Assert.NotNull(_store.Store.Read(s => s.Users.Get("bob")));
    }

    [Fact]
    public async Task WriteAsync_TwentyConcurrentWriters_AllLandOnAContiguousVerifiableLedger()
    {
        var writers = Enumerable.Range(1, 20)
            .Select(i => Task.Run(() => _store.Users.CreateAsync(TestActors.Admin, $"user{i}", $"User {i}", "long-enough", Role.Viewer)));

        await Task.WhenAll(writers);

        Assert.Equal(20, _store.Users.List().Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), _store.Ledger.Select(e => e.Sequence));
        var verification = _store.Audit.Verify();
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(20, verification.EntryCount);
    }

    [Fact]
    public void Read_SessionAskedToWrite_RefusesAndStoresNothing()
    {
        Assert.Throws<InvalidOperationException>(() => _store.Store.Read(s =>
        {
            s.Users.Upsert(User("bob"));
            return true;
        }));

        Assert.Null(_store.Store.Read(s => s.Users.Get("bob")));
    }

    [Fact]
    public void Read_SessionAskedToAppendLedger_Refuses()
    {
        var entry = Core.Audit.LedgerHasher.Link(null, DateTimeOffset.UnixEpoch, "ada", "a", "s", "allowed", "{}");

        Assert.Throws<InvalidOperationException>(() => _store.Store.Read(s =>
        {
            s.Ledger.Append(entry);
            return true;
        }));
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforeQueued_WritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _store.Store.WriteAsync(s =>
        {
            s.Users.Upsert(User("bob"));
            return true;
        }, cancelled.Token));

        Assert.Null(_store.Store.Read(s => s.Users.Get("bob")));
    }

    [Fact]
    public async Task Reopen_AfterWrites_KeepsDataAndTheChainVerifies()
    {
        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough", Role.Viewer);
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        var rootBefore = _store.Audit.Verify().RootHash;

        _store.Reopen();

        Assert.NotNull(_store.Users.Find("bob"));
        Assert.NotNull(_store.Runbooks.Get(TestRunbooks.DrillSlug));
        var after = _store.Audit.Verify();
        Assert.True(after.IsValid, after.Problem);
        Assert.Equal(2, after.EntryCount);
        Assert.Equal(rootBefore, after.RootHash);
    }

    [Fact]
    public async Task Reopen_ThenWrite_ExtendsTheSameChain()
    {
        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough", Role.Viewer);
        _store.Reopen();

        await _store.Users.CreateAsync(TestActors.Admin, "carl", "Carl", "long-enough", Role.Viewer);

        var verification = _store.Audit.Verify();
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(2, verification.EntryCount);
    }

#if !POSTGRESQL // LiteDB file specific: file handles, edits the file
    [Theory]
    [InlineData("console.db")]
    [InlineData("console-log.db")]
    public async Task Dispose_AfterWrites_ReleasesTheFile(string fileName)
    {
        await _store.Users.CreateAsync(TestActors.Admin, "bob", "Bob", "long-enough", Role.Viewer);

        _store.Close();

        // Only possible once no handle is left open (backup, restore and reopen all depend on it).
        using var exclusive = new FileStream(Path.Combine(_store.Folder, fileName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(exclusive.CanWrite);
    }
#endif

#if !POSTGRESQL // LiteDB file specific: file handles, edits the file
    [Fact]
    public async Task Verify_LedgerDocumentEditedOnClosedFile_NamesThatEntry()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _store.Users.CreateAsync(TestActors.Admin, $"user{i}", $"User {i}", "long-enough", Role.Viewer);
        }

        _store.Close();
        using (var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct"))
        {
            var ledger = db.GetCollection("ledger");
            var doc = ledger.FindById(3);
            doc["payload"] = """{"displayName":"Mallory","roles":["Admin"]}""";
            Assert.True(ledger.Update(doc));
        }

        _store.Open();

        var verification = _store.Audit.Verify();
        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstBrokenSequence);
    }
#endif

#if !POSTGRESQL // LiteDB file specific: file handles, edits the file
    [Fact]
    public async Task Verify_LedgerDocumentDeletedOnClosedFile_NamesTheEntryAfterTheGap()
    {
        for (var i = 1; i <= 5; i++)
        {
            await _store.Users.CreateAsync(TestActors.Admin, $"user{i}", $"User {i}", "long-enough", Role.Viewer);
        }

        _store.Close();
        using (var db = new LiteDatabase($"Filename={_store.DataFile};Connection=direct"))
        {
            Assert.True(db.GetCollection("ledger").Delete(2));
        }

        _store.Open();

        Assert.Equal(3, _store.Audit.Verify().FirstBrokenSequence);
    }
#endif

    private static User User(string id) =>
        new() { Id = id, DisplayName = id, Roles = Role.Viewer, PasswordHash = "h", CreatedAt = DateTimeOffset.UnixEpoch };
}
