using OperatorConsole.Core.Audit;

namespace OperatorConsole.Core.Tests.Audit;

public sealed class DailyHealthCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_IntactRecentChain_AllPassed()
    {
        var chain = Chain(Now.AddHours(-2), LedgerOutcome.Allowed, LedgerOutcome.Allowed, LedgerOutcome.Denied);

        var report = DailyHealthCheck.Evaluate(chain, Now);

        Assert.True(report.AllPassed);
        Assert.True(report.LedgerIntegrity.Passed);
        Assert.Equal(3, report.LedgerIntegrity.EntryCount);
        Assert.Equal(Now, report.CheckedAt);
    }

    [Fact]
    public void Evaluate_TamperedEntry_IntegrityFailsNamingIt()
    {
        var chain = Chain(Now.AddHours(-2), LedgerOutcome.Allowed, LedgerOutcome.Allowed, LedgerOutcome.Allowed);
        chain[1] = chain[1] with { Actor = "mallory" };

        var report = DailyHealthCheck.Evaluate(chain, Now);

        Assert.False(report.AllPassed);
        Assert.False(report.LedgerIntegrity.Passed);
        Assert.Equal(2, report.LedgerIntegrity.FirstBrokenSequence);
        Assert.Contains("altered", report.LedgerIntegrity.Problem, StringComparison.Ordinal);
        Assert.True(report.RecentActivity.Passed);
    }

    [Fact]
    public void Evaluate_LastEntryTwoDaysOld_RecentActivityFails()
    {
        var chain = Chain(Now.AddDays(-2), LedgerOutcome.Allowed);

        var report = DailyHealthCheck.Evaluate(chain, Now);

        Assert.False(report.AllPassed);
        Assert.False(report.RecentActivity.Passed);
        Assert.Equal(chain[^1].At, report.RecentActivity.LastEntryAt);
        Assert.True(report.RecentActivity.AgeHours > 47);
        Assert.True(report.LedgerIntegrity.Passed);
    }

    [Fact]
    public void Evaluate_EmptyLedger_RecentActivityFailsWithNoLastEntry()
    {
        var report = DailyHealthCheck.Evaluate([], Now);

        Assert.False(report.RecentActivity.Passed);
        Assert.Null(report.RecentActivity.LastEntryAt);
        Assert.True(report.LedgerIntegrity.Passed);
    }

    [Fact]
    public void Evaluate_DenialsInWindow_DistributionCountsOnlyTheLastDayAndPasses()
    {
        // One old denial outside the window, then six allowed and two denied inside it.
        var chain = Chain(Now.AddHours(-30), LedgerOutcome.Denied);
        Extend(chain, Now.AddHours(-3), [.. Enumerable.Repeat(LedgerOutcome.Allowed, 6), LedgerOutcome.Denied, LedgerOutcome.Denied, LedgerOutcome.Failed]);

        var d = DailyHealthCheck.Evaluate(chain, Now).DecisionDistribution;

        Assert.True(d.Passed);
        Assert.Equal((6, 2, 1), (d.Allowed, d.Denied, d.Failed));
        Assert.Equal(3.0, d.AllowedPerDenied);
    }

    [Fact]
    public void Evaluate_NoDenials_RatioDividesByOne()
    {
        var chain = Chain(Now.AddHours(-1), LedgerOutcome.Allowed, LedgerOutcome.Allowed);

        var d = DailyHealthCheck.Evaluate(chain, Now).DecisionDistribution;

        Assert.Equal(2.0, d.AllowedPerDenied);
    }

    private static List<LedgerEntry> Chain(DateTimeOffset start, params string[] outcomes)
    {
        var chain = new List<LedgerEntry>();
        Extend(chain, start, outcomes);
        return chain;
    }

    private static void Extend(List<LedgerEntry> chain, DateTimeOffset start, string[] outcomes)
    {
        var head = chain.Count == 0 ? null : chain[^1];
        for (var i = 0; i < outcomes.Length; i++)
        {
            head = LedgerHasher.Link(head, start.AddMinutes(i), "omar", "run.start", "runbook:drill", outcomes[i], "{}");
            chain.Add(head);
        }
    }
}
