using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>
/// A disk that fails a read: LiteDB closes its engine on any I/O error, even in a read. The read is answered as
/// unavailable, and the store reopens the file, so later reads and writes work once the disk does.
/// </summary>
public sealed class FailedReadTests : FailingDiskFixture
{
    [Fact]
    public async Task Read_DiskReadFails_AnswersUnavailableThenReadsAndWritesResume()
    {
        await RecordPagesOf("before");
        Store.Reopen();
        Disk.ReadsFail = true;

        var refused = Assert.Throws<StoreUnavailableException>(Subjects);
        Disk.ReadsFail = false;

        Assert.Contains("Input/output error", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"The data file {Store.DataFile} could not be read", refused.Message, StringComparison.Ordinal);
        Assert.Equal(100, Subjects().Count(s => s == "before"));
        await Record("after");
        Assert.Equal("after", Subjects()[^1]);
    }

    [Fact]
    public async Task Write_AfterAReadClosedTheEngine_IsSaved()
    {
        await RecordPagesOf("before");
        Store.Reopen();
        Disk.ReadsFail = true;
        Assert.Throws<StoreUnavailableException>(Subjects);
        Disk.ReadsFail = false;

        await Record("after");

        Assert.Equal("after", Subjects()[^1]);
        var verification = Store.Audit.Verify();
        Assert.True(verification.IsValid, verification.Problem);
    }

    /// <summary>Entries over many pages: the reopened store has read only the newest (sealing its head) when a test reads them all.</summary>
    private Task RecordPagesOf(string subject) => Store.Changes.RunAsync(TestActors.Admin, c =>
    {
        for (var i = 0; i < 100; i++)
        {
            c.Record("test.write", subject, new { padding = new string('x', 2000) });
        }

        return true;
    });
}
