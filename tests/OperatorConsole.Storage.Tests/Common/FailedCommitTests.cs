using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>A full disk at commit: the write is refused as unavailable, nothing else breaks, and writes resume.</summary>
public sealed class FailedCommitTests : IDisposable
{
    private readonly FillableDisk _disk = new();
    private readonly TestStore _store;

    public FailedCommitTests() => _store = new TestStore(openFile: _disk.Open);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task RunAsync_DiskFullAtCommit_ThrowsStoreUnavailableAndSavesNothing()
    {
        await Record("before");
        _disk.Full = true;

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => Record("while-full"));

        Assert.Contains("No space left on device", refused.Message, StringComparison.Ordinal);
        Assert.Contains(_store.DataFile, refused.Message, StringComparison.Ordinal);
        Assert.Equal(["before"], Subjects());
    }

    [Fact]
    public async Task Read_AfterFailedCommit_KeepsAnsweringAndReportsTheCause()
    {
        await Record("before");
        _disk.Full = true;
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Record("while-full"));

        Assert.Equal(1, _store.Store.Read(s => s.Ledger.Head())!.Sequence);
        Assert.IsType<IOException>(_store.Store.LastFailure);
    }

    [Fact]
    public async Task RunAsync_DiskFreedAgain_ResumesOnAVerifyingChainThatSurvivesReopen()
    {
        await Record("before");
        _disk.Full = true;
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => Record($"while-full-{i}"));
        }

        _disk.Full = false;
        await Record("after");
        _store.Reopen();

        Assert.Null(_store.Store.LastFailure);
        Assert.Equal(["before", "after"], Subjects());
        var verification = _store.Audit.Verify();
        Assert.True(verification.IsValid, verification.Problem);
    }

    [Fact]
    public async Task LastFailure_ChangesThatWriteNothingAfterAFailedCommit_StillReportedUntilAWriteLands()
    {
        await Record("before");
        _disk.Full = true;
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Record("while-full"));
        _disk.Full = false;

        // On a real full disk these two succeed as well: they write no page, and syncing nothing needs no space.
        await _store.Changes.RunAsync(TestActors.Admin, c => c.Session.Ledger.Head());
        await Assert.ThrowsAsync<DomainValidationException>(() => _store.Changes.RunAsync<int>(TestActors.Admin, _ => throw new DomainValidationException("refused")));
        var whileNothingWritten = _store.Store.LastFailure;
        await Record("after");

        Assert.IsType<IOException>(whileNothingWritten);
        Assert.Null(_store.Store.LastFailure);
    }

    [Fact]
    public async Task RunAsync_DiskFullDuringALargeChange_LeavesNoPartOfIt()
    {
        await Record("before");
        _disk.Full = true;

        await Assert.ThrowsAsync<StoreUnavailableException>(() => _store.Changes.RunAsync(TestActors.Admin, c =>
        {
            for (var i = 0; i < 300; i++)
            {
                c.Record("test.bulk", $"bulk-{i}", new { padding = new string('x', 2000) });
            }

            return true;
        }));
        _disk.Full = false;
        _store.Reopen();

        Assert.Equal(["before"], Subjects());
    }

    private Task Record(string subject) => _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.write", subject, new { }));

    private List<string> Subjects() => _store.Ledger.Select(e => e.Subject).ToList();
}
