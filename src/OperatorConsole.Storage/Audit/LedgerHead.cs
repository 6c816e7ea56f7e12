using OperatorConsole.Core.Audit;

namespace OperatorConsole.Storage.Audit;

/// <summary>
/// The ledger's newest entry as the writer thread knows it, so a change that records an entry links it without querying
/// the ledger's end each time. It holds what the open transaction sees: set when the writer reads or appends the head,
/// forgotten when a transaction rolls back (its entry never existed) and with every fresh opening of the file. Only
/// the writer's sessions use it; reads query the committed ledger as before.
/// </summary>
internal sealed class LedgerHead
{
    private LedgerEntry? _known;

    public LedgerEntry? Known => _known;

    public void Set(LedgerEntry entry) => _known = entry;

    public void Forget() => _known = null;
}
