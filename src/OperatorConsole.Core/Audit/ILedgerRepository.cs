namespace OperatorConsole.Core.Audit;

public sealed record LedgerQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Action = null,
    string? Subject = null,
    int Limit = 500);

public interface ILedgerRepository
{
    LedgerEntry? Head();

    void Append(LedgerEntry entry);

    /// <summary>All entries in sequence order, streamed.</summary>
    IEnumerable<LedgerEntry> All();

    /// <summary>Newest first.</summary>
    IReadOnlyList<LedgerEntry> Query(LedgerQuery query);
}
