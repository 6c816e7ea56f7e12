namespace OperatorConsole.Core.Audit;

public sealed record LedgerQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Action = null,
    string? Subject = null,
    int Limit = 500,
    int Skip = 0);

public interface ILedgerRepository
{
    LedgerEntry? Head();

    void Append(LedgerEntry entry);

    /// <summary>The entry at <paramref name="sequence"/>, or null.</summary>
    LedgerEntry? Get(long sequence);

    /// <summary>Entries from <paramref name="sequence"/> on, in sequence order, streamed.</summary>
    IEnumerable<LedgerEntry> Since(long sequence);

    /// <summary>All entries in sequence order, streamed.</summary>
    IEnumerable<LedgerEntry> All();

    /// <summary>
    /// Entries with a timestamp inside [from, to], both inclusive, in time order and streamed, so
    /// that a range read never loads the whole ledger. Consume it inside the store read.
    /// </summary>
    IEnumerable<LedgerEntry> Range(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Newest first, past the newest <see cref="LedgerQuery.Skip"/> matches (one page of a long ledger).</summary>
    IReadOnlyList<LedgerEntry> Query(LedgerQuery query);
}
