using LiteDB;
using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Audit;

/// <summary>
/// Ledger entries keyed by sequence number, so that id order is chain order. The writer's sessions pass the
/// <see cref="LedgerHead"/> it keeps; read sessions pass none.
/// </summary>
internal sealed class LiteLedgerRepository(ILiteDatabase db, bool writable, LedgerHead? head = null) : ILedgerRepository
{
    private readonly ILiteCollection<BsonDocument> _collection = db.GetCollection(LiteSchema.Ledger);

    public LedgerEntry? Head()
    {
        if (head?.Known is { } known)
        {
            return known;
        }

        var doc = _collection.Find(LiteDB.Query.All(LiteDB.Query.Descending), limit: 1).FirstOrDefault();
        var found = doc is null ? null : ToEntry(doc);
        if (found is { Defect: null })
        {
            head?.Set(found);
        }

        return found;
    }

    public void Append(LedgerEntry entry)
    {
        LiteSession.EnsureWritable(writable);
        _collection.Insert(new BsonDocument
        {
            ["_id"] = entry.Sequence,
            ["ts"] = entry.At.UtcDateTime,
            ["timestamp"] = entry.Timestamp,
            ["actor"] = entry.Actor,
            ["action"] = entry.Action,
            ["subject"] = entry.Subject,
            ["outcome"] = entry.Outcome,
            ["payload"] = entry.Payload,
            ["previousHash"] = entry.PreviousHash,
            ["hash"] = entry.Hash,
        });
        head?.Set(entry);
    }

    public IEnumerable<LedgerEntry> Since(long sequence) => _collection.Find(LiteDB.Query.GTE("_id", sequence)).Select(ToEntry);

    public IEnumerable<LedgerEntry> All() => _collection.Find(LiteDB.Query.All(LiteDB.Query.Ascending)).Select(ToEntry);

    // Between on the indexed "ts" field walks only that slice of the index, lazily.
    public IEnumerable<LedgerEntry> Range(DateTimeOffset from, DateTimeOffset to) =>
        _collection.Find(LiteDB.Query.Between("ts", from.UtcDateTime, to.UtcDateTime)).Select(ToEntry);

    public IReadOnlyList<LedgerEntry> Query(LedgerQuery query)
    {
        var filters = new List<BsonExpression>();
        if (query.From is { } from)
        {
            filters.Add(LiteDB.Query.GTE("ts", from.UtcDateTime));
        }

        if (query.To is { } to)
        {
            filters.Add(LiteDB.Query.LTE("ts", to.UtcDateTime));
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            filters.Add(LiteDB.Query.EQ("actor", query.Actor.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            filters.Add(LiteDB.Query.StartsWith("action", query.Action.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(query.Subject))
        {
            filters.Add(LiteDB.Query.StartsWith("subject", query.Subject.Trim()));
        }

        var q = _collection.Query();
        foreach (var filter in filters)
        {
            q = q.Where(filter);
        }

        return [.. q.OrderByDescending("_id").Skip(Math.Max(0, query.Skip)).Limit(Math.Clamp(query.Limit, 1, 5000)).ToEnumerable().Select(ToEntry)];
    }

    public LedgerEntry? Get(long sequence)
    {
        var doc = _collection.FindById(sequence);
        return doc is null ? null : ToEntry(doc);
    }

    /// <summary>
    /// Reads what is there; a field that is missing or of the wrong type becomes empty and is named in
    /// <see cref="LedgerEntry.Defect"/>, so one damaged document never turns a verify or an export into an error.
    /// </summary>
    private static LedgerEntry ToEntry(BsonDocument d)
    {
        List<string>? defects = null;
        string Text(string field)
        {
            var value = d[field];
            if (value.IsString)
            {
                return value.AsString;
            }

            (defects ??= []).Add($"'{field}' is {(value.IsNull ? "missing" : value.Type.ToString())}, not a string");
            return string.Empty;
        }

        var id = d["_id"];
        long sequence = id.IsNumber ? id.AsInt64 : -1;
        if (!id.IsNumber)
        {
            (defects ??= []).Add($"'_id' is {id.Type}, not a number");
        }

        return new LedgerEntry(
            sequence, Text("timestamp"), Text("actor"), Text("action"), Text("subject"), Text("outcome"), Text("payload"),
            Text("previousHash"), Text("hash"), defects is null ? null : string.Join("; ", defects));
    }
}
