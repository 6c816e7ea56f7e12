using Npgsql;
using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Audit;

/// <summary>
/// Ledger entries as plain columns keyed by sequence, so key order is chain order. Whole-ledger reads come in pages of
/// <see cref="PageSize"/> by sequence, so a verify of a long ledger holds one page at a time and no reader stays open.
/// </summary>
internal sealed class PgLedgerRepository(PgContext db) : ILedgerRepository
{
    private const int PageSize = 2000;
    private const string Columns = "sequence, timestamp, actor, action, subject, outcome, payload, previous_hash, hash";

    public LedgerEntry? Head() => db.Rows($"SELECT {Columns} FROM ledger ORDER BY sequence DESC LIMIT 1", ToEntry).FirstOrDefault();

    public void Append(LedgerEntry entry) =>
        db.Execute(
            $"INSERT INTO ledger (ts, {Columns}) VALUES (@ts, @sequence, @timestamp, @actor, @action, @subject, @outcome, @payload, @previous_hash, @hash)",
            ("ts", entry.At.ToUniversalTime()), ("sequence", entry.Sequence), ("timestamp", entry.Timestamp), ("actor", entry.Actor),
            ("action", entry.Action), ("subject", entry.Subject), ("outcome", entry.Outcome), ("payload", entry.Payload),
            ("previous_hash", entry.PreviousHash), ("hash", entry.Hash));

    public IEnumerable<LedgerEntry> Since(long sequence) => Paged("true", sequence);

    public IEnumerable<LedgerEntry> All() => Paged("true", long.MinValue);

    public IEnumerable<LedgerEntry> Range(DateTimeOffset from, DateTimeOffset to) =>
        Paged("ts BETWEEN @from AND @to", long.MinValue, ("from", from.ToUniversalTime()), ("to", to.ToUniversalTime()));

    public IReadOnlyList<LedgerEntry> Query(LedgerQuery query) =>
        db.Rows(
            $"SELECT {Columns} FROM ledger WHERE (@from::timestamptz IS NULL OR ts >= @from) AND (@to::timestamptz IS NULL OR ts <= @to) " +
            "AND (@actor::text IS NULL OR actor = @actor) AND (@action::text IS NULL OR starts_with(action, @action)) " +
            "AND (@subject::text IS NULL OR starts_with(subject, @subject)) ORDER BY sequence DESC OFFSET @skip LIMIT @limit",
            ToEntry,
            ("from", query.From?.ToUniversalTime()), ("to", query.To?.ToUniversalTime()),
            ("actor", Trimmed(query.Actor)), ("action", Trimmed(query.Action)), ("subject", Trimmed(query.Subject)),
            ("skip", Math.Max(0, query.Skip)), ("limit", Math.Clamp(query.Limit, 1, 5000)));

    public LedgerEntry? Get(long sequence) =>
        db.Rows($"SELECT {Columns} FROM ledger WHERE sequence = @sequence", ToEntry, ("sequence", sequence)).FirstOrDefault();

    private IEnumerable<LedgerEntry> Paged(string condition, long from, params (string Name, object? Value)[] parameters)
    {
        var next = from;
        while (true)
        {
            var page = db.Rows(
                $"SELECT {Columns} FROM ledger WHERE sequence >= @next AND {condition} ORDER BY sequence LIMIT {PageSize}",
                ToEntry, [("next", next), .. parameters]);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            next = page[^1].Sequence + 1;
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static LedgerEntry ToEntry(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8));
}
