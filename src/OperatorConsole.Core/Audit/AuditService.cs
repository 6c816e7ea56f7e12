using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Audit;

/// <summary>Reading and verifying the ledger; anyone signed in may read it.</summary>
public sealed class AuditService(ChangeRunner changes)
{
    public IReadOnlyList<LedgerEntry> Query(LedgerQuery query) => changes.Store.Read(s => s.Ledger.Query(query));

    /// <summary>Every entry, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> All() => changes.Store.Read(s => s.Ledger.All().ToList());

    public LedgerEntry? Head() => changes.Store.Read(s => s.Ledger.Head());

    public LedgerVerification Verify() => changes.Store.Read(s => LedgerVerifier.Verify(s.Ledger.All()));

    /// <summary>002's anomaly investigation over [from, to]; a reversed or too wide range is refused.</summary>
    public LedgerInvestigation Investigate(DateTimeOffset from, DateTimeOffset to)
    {
        LedgerInvestigator.ValidateRange(from, to);
        return changes.Store.Read(s => LedgerInvestigator.Investigate(s.Ledger.Range(from, to), from, to));
    }

    /// <summary>002's daily health check; reads only, in one store read so the parts agree.</summary>
    public DailyHealthReport RunDailyHealthCheck()
    {
        var now = changes.Now;
        return changes.Store.Read(s => DailyHealthCheck.Evaluate(
            LedgerVerifier.Verify(s.Ledger.All()), s.Ledger.Range(now - DailyHealthCheck.Window, now), s.Ledger.Head(), now));
    }
}
