using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Tests.Audit;

public sealed class LedgerInvestigatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Investigate_MixedEntries_CountsByActorActionAndOutcomeMostFirst()
    {
        var result = LedgerInvestigator.Investigate(Mixed(), T0, T0.AddHours(1));

        Assert.Equal(5, result.EntryCount);
        Assert.Equal([new("omar", 3), new("olga", 1), new("vera", 1)], result.ByActor);
        Assert.Equal([new("run.check-step", 3), new("run.start", 2)], result.ByAction);
        Assert.Equal([new(LedgerOutcome.Allowed, 3), new(LedgerOutcome.Denied, 1), new(LedgerOutcome.Failed, 1)], result.ByOutcome);
    }

    [Fact]
    public void Investigate_MixedEntries_ListsDeniedAndFailedInSequenceOrder()
    {
        var result = LedgerInvestigator.Investigate(Mixed(), T0, T0.AddHours(1));

        Assert.Equal([3, 5], result.DeniedAndFailed.Select(p => p.Sequence));
        var denied = result.DeniedAndFailed[0];
        Assert.Equal(("vera", "run.start", "runbook:drill", LedgerOutcome.Denied), (denied.Actor, denied.Action, denied.Subject, denied.Outcome));
        Assert.Equal(T0.AddMinutes(3), denied.At);
        Assert.Contains("requires", denied.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void Investigate_RangeCutsEntries_BoundsAreInclusive()
    {
        var result = LedgerInvestigator.Investigate(Mixed(), T0.AddMinutes(2), T0.AddMinutes(4));

        Assert.Equal(3, result.EntryCount);
        Assert.Equal([3], result.DeniedAndFailed.Select(p => p.Sequence));
    }

    [Fact]
    public void Investigate_EmptyRange_ZeroCountsAndTheThreeOutcomesStillListed()
    {
        var result = LedgerInvestigator.Investigate(Mixed(), T0.AddDays(1), T0.AddDays(2));

        Assert.Equal(0, result.EntryCount);
        Assert.Empty(result.ByActor);
        Assert.Empty(result.ByAction);
        Assert.Empty(result.DeniedAndFailed);
        Assert.All(result.ByOutcome, c => Assert.Equal(0, c.Count));
        Assert.Equal(3, result.ByOutcome.Count);
    }

    [Fact]
    public void ValidateRange_FromAfterTo_ThrowsSayingSo()
    {
        var ex = Assert.Throws<DomainValidationException>(() => LedgerInvestigator.ValidateRange(T0.AddHours(1), T0));

        Assert.Contains("is after", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRange_FortyDays_ThrowsNamingTheLimit()
    {
        var ex = Assert.Throws<DomainValidationException>(() => LedgerInvestigator.ValidateRange(T0, T0.AddDays(40)));

        Assert.Contains("at most 31 days", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRange_ExactlyThirtyOneDays_Accepted()
    {
        LedgerInvestigator.ValidateRange(T0, T0.AddDays(31));
    }

    private static List<LedgerEntry> Mixed()
    {
        var rows = new[]
        {
            ("omar", "run.start", "runbook:drill", LedgerOutcome.Allowed, "{}"),
            ("omar", "run.check-step", "run:r1/s1", LedgerOutcome.Allowed, "{}"),
            ("vera", "run.start", "runbook:drill", LedgerOutcome.Denied, """{"reason":"requires OnCall"}"""),
            ("olga", "run.check-step", "run:r1/s2", LedgerOutcome.Allowed, "{}"),
            ("omar", "run.check-step", "run:r1/s3", LedgerOutcome.Failed, """{"error":"probe timed out"}"""),
        };
        var chain = new List<LedgerEntry>();
        LedgerEntry? head = null;
        foreach (var (actor, action, subject, outcome, payload) in rows)
        {
            head = LedgerHasher.Link(head, T0.AddMinutes(chain.Count + 1), actor, action, subject, outcome, payload);
            chain.Add(head);
        }

        return chain;
    }
}
