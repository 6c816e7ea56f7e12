using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Audit;

/// <summary>The range read on the "ts" index and the investigation and daily check built on it, over a real file.</summary>
public sealed class LedgerInvestigationTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(T0);
    private readonly TestStore _store;

    public LedgerInvestigationTests()
    {
        _store = new TestStore(_clock);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Range_InnerHours_ReturnsOnlyEntriesInsideInclusiveBounds()
    {
        for (var h = 0; h < 5; h++)
        {
            await RecordAt(T0.AddHours(h), TestActors.Omar, "run.start");
        }

        var sequences = _store.Store.Read(s => s.Ledger.Range(T0.AddHours(1), T0.AddHours(3)).Select(e => e.Sequence).ToList());

        Assert.Equal([2, 3, 4], sequences);
    }

    [Fact]
    public async Task Range_BeforeAnyEntry_IsEmpty()
    {
        await RecordAt(T0, TestActors.Omar, "run.start");

        var entries = _store.Store.Read(s => s.Ledger.Range(T0.AddDays(-2), T0.AddDays(-1)).ToList());

        Assert.Empty(entries);
    }

    [Fact]
    public async Task Investigate_ViewerDeniedStartingRun_DenialListedWithItsReason()
    {
        await _store.Runbooks.ImportAsync(TestActors.Admin, "drill.md", TestRunbooks.Drill());
        _clock.Now = T0.AddMinutes(5);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Runs.StartAsync(TestActors.Viewer, TestRunbooks.DrillSlug));

        var result = _store.Audit.Investigate(T0, T0.AddHours(1));

        var denied = Assert.Single(result.DeniedAndFailed);
        Assert.Equal((TestActors.Viewer.Id, "run.start", LedgerOutcome.Denied), (denied.Actor, denied.Action, denied.Outcome));
        Assert.Equal(T0.AddMinutes(5), denied.At);
        Assert.Contains("requires", denied.Payload, StringComparison.Ordinal);
        Assert.Contains(new LedgerCount(LedgerOutcome.Denied, 1), result.ByOutcome);
        Assert.Equal(result.EntryCount, result.ByActor.Sum(c => c.Count));
    }

    [Fact]
    public void Investigate_FromAfterTo_ThrowsValidation()
    {
        Assert.Throws<DomainValidationException>(() => _store.Audit.Investigate(T0, T0.AddHours(-1)));
    }

    [Fact]
    public async Task RunDailyHealthCheck_ActivityAnHourAgo_AllPassedWithCounts()
    {
        await RecordAt(T0, TestActors.Omar, "run.start");
        await RecordAt(T0.AddMinutes(1), TestActors.Olga, "run.check-step");
        _clock.Now = T0.AddHours(1);

        var report = _store.Audit.RunDailyHealthCheck();

        Assert.True(report.AllPassed);
        Assert.Equal(2, report.DecisionDistribution.Allowed);
        Assert.Equal(T0.AddHours(1), report.CheckedAt);
        Assert.Equal(2, report.LedgerIntegrity.EntryCount);
    }

    [Fact]
    public async Task RunDailyHealthCheck_LastEntryTwoDaysOld_RecentActivityFails()
    {
        await RecordAt(T0, TestActors.Omar, "run.start");
        _clock.Now = T0.AddDays(2);

        var report = _store.Audit.RunDailyHealthCheck();

        Assert.False(report.AllPassed);
        Assert.False(report.RecentActivity.Passed);
        Assert.Equal(0, report.DecisionDistribution.Allowed);
    }

    private Task RecordAt(DateTimeOffset at, Actor actor, string action)
    {
        _clock.Now = at;
        return _store.Changes.RunAsync(actor, c => c.Record(action, "subject:1", new { }));
    }
}
