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
}
