using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Runbooks;

public sealed class RunbookLibraryTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Search_AfterANewVersionIsImported_ShowsTheNewVersion()
    {
        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());
        Assert.Equal(1, Assert.Single(_store.Runbooks.Search(new RunbookQuery(new RunbookFilter("failover"))).Items).Version);

        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill("\n3. Record the failover time."));

        var found = Assert.Single(_store.Runbooks.Search(new RunbookQuery(new RunbookFilter("failover"))).Items);
        Assert.Equal(2, found.Version);
    }

    [Fact]
    public async Task Tags_AfterAnImport_IncludeItsTags()
    {
        Assert.Empty(_store.Runbooks.Tags());

        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        Assert.Equal(["drill"], _store.Runbooks.Tags());
    }

    [Fact]
    public async Task Search_AfterAWriteReadAVersionThatWasNeverCommitted_ShowsOnlyWhatIsStored()
    {
        // As an alert delivery does when it shares a transaction with an import queued before it, and the commit fails.
        await Assert.ThrowsAsync<DomainValidationException>(() => _store.Changes.RunAsync<int>(TestActors.Admin, c =>
        {
            c.Session.Runbooks.Add(Phantom());
            Assert.Single(_store.LatestRunbooks.Read(c.Session));
            throw new DomainValidationException("refused");
        }));

        await _store.Runbooks.ImportAsync(TestActors.Omar, "drill.md", TestRunbooks.Drill());

        var found = Assert.Single(_store.Runbooks.Search(new RunbookQuery(new RunbookFilter())).Items);
        Assert.NotEqual("phantom", found.Slug);
    }

    private static Runbook Phantom() => new()
    {
        Slug = "phantom",
        Version = 1,
        Title = "Phantom",
        Priority = Priority.P2,
        Source = "# Phantom\n",
        SourceSha256 = new string('0', 64),
        ImportedAt = DateTimeOffset.UnixEpoch,
        ImportedBy = "Ada",
    };
}
