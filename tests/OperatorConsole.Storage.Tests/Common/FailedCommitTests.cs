using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>A full disk at commit: the write is refused as unavailable, nothing else breaks, and writes resume.</summary>
public sealed class FailedCommitTests : FailingDiskFixture
{
    [Fact]
    public async Task RunAsync_DiskFullAtCommit_ThrowsStoreUnavailableAndSavesNothing()
    {
        await Record("before");
        Disk.Full = true;

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => Record("while-full"));

        Assert.Contains("No space left on device", refused.Message, StringComparison.Ordinal);
        Assert.Contains(Store.DataFile, refused.Message, StringComparison.Ordinal);
        Assert.Equal(["before"], Subjects());
    }

    [Fact]
    public async Task Read_AfterFailedCommit_KeepsAnsweringAndReportsTheCause()
    {
        await Record("before");
        Disk.Full = true;
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Record("while-full"));

        Assert.Equal(1, Store.Store.Read(s => s.Ledger.Head())!.Sequence);
        Assert.IsType<IOException>(Store.Store.LastFailure);
    }

    [Fact]
    public async Task RunAsync_DiskFreedAgain_ResumesOnAVerifyingChainThatSurvivesReopen()
    {
        await Record("before");
        Disk.Full = true;
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<StoreUnavailableException>(() => Record($"while-full-{i}"));
        }

        Disk.Full = false;
        await Record("after");
        Store.Reopen();

        Assert.Null(Store.Store.LastFailure);
        Assert.Equal(["before", "after"], Subjects());
        var verification = Store.Audit.Verify();
        Assert.True(verification.IsValid, verification.Problem);
    }

    [Fact]
    public async Task LastFailure_ChangesThatWriteNothingAfterAFailedCommit_StillReportedUntilAWriteLands()
    {
        await Record("before");
        Disk.Full = true;
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Record("while-full"));
        Disk.Full = false;

        // On a real full disk these two succeed as well: they write no page, and syncing nothing needs no space.
        await Store.Changes.RunAsync(TestActors.Admin, c => c.Session.Ledger.Head());
        await Assert.ThrowsAsync<DomainValidationException>(() => Store.Changes.RunAsync<int>(TestActors.Admin, _ => throw new DomainValidationException("refused")));
        var whileNothingWritten = Store.Store.LastFailure;
        await Record("after");

        Assert.IsType<IOException>(whileNothingWritten);
        Assert.Null(Store.Store.LastFailure);
    }

    [Fact]
    public async Task RunAsync_DiskFullDuringALargeChange_LeavesNoPartOfIt()
    {
        await Record("before");
        Disk.Full = true;

        await Assert.ThrowsAsync<StoreUnavailableException>(() => Store.Changes.RunAsync(TestActors.Admin, c =>
        {
            for (var i = 0; i < 300; i++)
            {
                c.Record("test.bulk", $"bulk-{i}", new { padding = new string('x', 2000) });
            }

            return true;
        }));
        Disk.Full = false;
        Store.Reopen();

        Assert.Equal(["before"], Subjects());
    }
}
