using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Common;

/// <summary>The ledger repository's filters, fed through the real change path at known times.</summary>
public sealed class LedgerQueryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(T0);
    private readonly TestStore _store;

    public LedgerQueryTests()
    {
        _store = new TestStore(_clock);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Query_NoFilter_ReturnsAllNewestFirst()
    {
        await SeedAsync();

        var entries = _store.Audit.Query(new LedgerQuery());

        Assert.Equal([4, 3, 2, 1], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Query_TimeRange_KeepsOnlyEntriesInsideInclusiveBounds()
    {
        await SeedAsync();

        var entries = _store.Audit.Query(new LedgerQuery(From: T0.AddHours(1), To: T0.AddHours(2)));

        Assert.Equal([3, 2], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Query_Actor_KeepsOnlyThatActor()
    {
        await SeedAsync();

        var entries = _store.Audit.Query(new LedgerQuery(Actor: "olga"));

        Assert.Equal([3], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Query_ActionPrefix_KeepsMatchingActions()
    {
        await SeedAsync();

        var entries = _store.Audit.Query(new LedgerQuery(Action: "run."));

        Assert.Equal([3, 2], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Query_ActorAndTimeRange_BothMustHold()
    {
        await SeedAsync();

        var entries = _store.Audit.Query(new LedgerQuery(From: T0.AddHours(2), Actor: "omar"));

        Assert.Equal([4], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Query_Limit_ReturnsNewestOnly()
    {
        await SeedAsync();

        var entries = _store.Audit.Query(new LedgerQuery(Limit: 2));

        Assert.Equal([4, 3], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Head_AfterWrites_IsTheLastEntry()
    {
        await SeedAsync();

        Assert.Equal(4, _store.Audit.Head()?.Sequence);
    }

    private async Task SeedAsync()
    {
        await RecordAt(T0, TestActors.Omar, "runbook.import");
        await RecordAt(T0.AddHours(1), TestActors.Omar, "run.start");
        await RecordAt(T0.AddHours(2), TestActors.Olga, "run.check-step");
        await RecordAt(T0.AddHours(3), TestActors.Omar, "user.sign-in");
    }

    private Task RecordAt(DateTimeOffset at, Actor actor, string action)
    {
        _clock.Now = at;
        return _store.Changes.RunAsync(actor, c => c.Record(action, "subject:1", new { }));
    }
}
