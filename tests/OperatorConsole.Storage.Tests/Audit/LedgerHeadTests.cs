using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Audit;

/// <summary>
/// The writer keeps the ledger's head in memory instead of querying the ledger's end for every entry; an entry of a
/// change that did not commit must never become the head the next entry links to.
/// </summary>
public sealed class LedgerHeadTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Record_AfterAChangeRefusedAfterItsEntry_LinksToTheLastCommittedEntry()
    {
        await Assert.ThrowsAsync<ConflictException>(() => _store.Changes.RunAsync(TestActors.Admin, c =>
        {
            c.Record("test.written", "test:refused", new { });
            c.Refuse("test.refused", "test:refused", new { reason = "test refusal" }, new ConflictException("refused after its entry"));
            return true;
        }));

        await RecordAsync("test:after-refusal");

        AssertChainWhole();
    }

    [Fact]
    public async Task Record_AfterAChangeFailedAfterItsEntry_LinksToTheLastCommittedEntry()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.Changes.RunAsync<bool>(TestActors.Admin, c =>
        {
            c.Record("test.written", "test:failed", new { });
            throw new InvalidOperationException("failed after its entry");
        }));

        await RecordAsync("test:after-failure");

        Assert.DoesNotContain(_store.Ledger, e => e.Subject == "test:failed");
        AssertChainWhole();
    }

    private Task RecordAsync(string subject) =>
        _store.Changes.RunAsync(TestActors.Admin, c => c.Record("test.written", subject, new { }));

    private void AssertChainWhole()
    {
        var ledger = _store.Ledger;
        Assert.Equal(Enumerable.Range(1, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Sequence));
        var verified = _store.Audit.Verify();
        Assert.True(verified.IsValid, verified.Problem);
    }
}
