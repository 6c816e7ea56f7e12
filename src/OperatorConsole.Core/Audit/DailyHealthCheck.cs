namespace OperatorConsole.Core.Audit;

/// <summary>
/// Replay-and-verify of the whole chain against its signed checkpoints; fails naming the first broken entry.
/// <paramref name="SealedThrough"/>: entries up to it are covered by a signed checkpoint; <paramref name="NotYetSealed"/> follow.
/// </summary>
public sealed record LedgerIntegrityCheck(
    bool Passed, long EntryCount, string RootHash, long? FirstBrokenSequence, string? Problem, long SealedThrough, long NotYetSealed);

/// <summary>Users, API keys and guarded-action policies whose stored record does not match the ledger entry that last changed it.</summary>
public sealed record SecurityRecordsCheck(bool Passed, IReadOnlyList<string> Problems);

/// <summary>Allowed versus denied over the window; informational, so it always passes.</summary>
public sealed record DecisionDistributionCheck(bool Passed, int Allowed, int Denied, int Failed, double AllowedPerDenied);

/// <summary>Whether anything was written to the ledger within the window.</summary>
public sealed record RecentActivityCheck(bool Passed, DateTimeOffset? LastEntryAt, double? AgeHours);

/// <summary>002's daily health check applied to the console's own ledger.</summary>
public sealed record DailyHealthReport(
    DateTimeOffset CheckedAt,
    bool AllPassed,
    LedgerIntegrityCheck LedgerIntegrity,
    DecisionDistributionCheck DecisionDistribution,
    RecentActivityCheck RecentActivity,
    SecurityRecordsCheck SecurityRecords);

public static class DailyHealthCheck
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>
    /// Builds the report from parts the store can stream separately: the verification of the whole
    /// chain, the entries of the last <see cref="Window"/>, and the head. No part is held in memory.
    /// </summary>
    public static DailyHealthReport Evaluate(
        LedgerVerification verification,
        IEnumerable<LedgerEntry> entriesInWindow,
        LedgerEntry? head,
        DateTimeOffset now,
        IReadOnlyList<string>? securityRecordProblems = null)
    {
        var integrity = new LedgerIntegrityCheck(
            verification.IsValid, verification.EntryCount, verification.RootHash, verification.FirstBrokenSequence, verification.Problem,
            verification.SealedThrough, verification.NotYetSealed);
        var records = new SecurityRecordsCheck(securityRecordProblems is not { Count: > 0 }, securityRecordProblems ?? []);

        int allowed = 0, denied = 0, failed = 0;
        var windowStart = now - Window;
        foreach (var entry in entriesInWindow)
        {
            var at = entry.At;
            if (at < windowStart || at > now)
            {
                continue;
            }

            switch (entry.Outcome)
            {
                case LedgerOutcome.Allowed: allowed++; break;
                case LedgerOutcome.Denied: denied++; break;
                case LedgerOutcome.Failed: failed++; break;
            }
        }

        // 002 divides by max(deny, 1) so that a day without denials still gives a number.
        var decisions = new DecisionDistributionCheck(true, allowed, denied, failed, (double)allowed / Math.Max(denied, 1));

        // An empty ledger fails: a console that has recorded nothing is not known to be working.
        var recent = head is null
            ? new RecentActivityCheck(false, null, null)
            : Recent(head.At, now);

        return new DailyHealthReport(
            now.ToUniversalTime(), integrity.Passed && decisions.Passed && recent.Passed && records.Passed, integrity, decisions, recent, records);
    }

    /// <summary>The same report over a whole chain already in memory (oldest first).</summary>
    public static DailyHealthReport Evaluate(IReadOnlyList<LedgerEntry> chain, DateTimeOffset now) =>
        Evaluate(LedgerVerifier.Verify(chain), chain, chain.Count == 0 ? null : chain[^1], now);

    private static RecentActivityCheck Recent(DateTimeOffset lastAt, DateTimeOffset now)
    {
        var age = now - lastAt;
        return new RecentActivityCheck(age < Window, lastAt.ToUniversalTime(), Math.Round(age.TotalHours, 2));
    }
}
