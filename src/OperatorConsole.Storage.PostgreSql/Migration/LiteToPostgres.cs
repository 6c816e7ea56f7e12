using LiteDB;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Evidence;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Migration;

/// <summary>What a migration copied: the ledger it verified on both sides, and how many records of each collection.</summary>
public sealed record MigrationOutcome(long LedgerEntries, long HeadSequence, string HeadHash, IReadOnlyDictionary<string, int> Records);

/// <summary>The migration was refused before anything was written (target not empty, source ledger broken, unknown data).</summary>
public sealed class MigrationRefusedException(string message) : Exception(message);

/// <summary>
/// Copies a stopped LiteDB console into an empty PostgreSQL store in ONE transaction: every collection, the runbook
/// files and attachments, and the ledger entry by entry (its hashes untouched). The source ledger must verify before;
/// the copy must verify after and end on the same head, or the transaction is rolled back and nothing stays behind.
/// </summary>
public static class LiteToPostgres
{
    public static async Task<MigrationOutcome> CopyAsync(LiteConsoleStore source, PgConsoleStore target, CancellationToken cancellationToken = default)
    {
        var (entries, records, copies) = await source.BetweenTransactionsAsync(open => Read(open.Db), cancellationToken);
        var before = LedgerVerifier.Verify(entries);
        if (!before.IsValid)
        {
            throw new MigrationRefusedException($"The LiteDB ledger does not verify ({before.Problem}); nothing was copied. Restore a good backup first.");
        }

        return await target.WriteAsync(s =>
        {
            if (s.Ledger.Head() is not null || s.Users.All().Count > 0)
            {
                throw new MigrationRefusedException($"The PostgreSQL database at {target.Location} is not empty; migrate into a new, empty database.");
            }

            foreach (var entry in entries)
            {
                s.Ledger.Append(entry);
            }

            foreach (var copy in copies)
            {
                copy(s);
            }

            var after = LedgerVerifier.Verify(s.Ledger.All());
            var head = s.Ledger.Head();
            var sourceHead = entries.Count == 0 ? null : entries[^1];
            if (!after.IsValid || head?.Hash != sourceHead?.Hash || after.EntryCount != entries.Count)
            {
                throw new InvalidOperationException($"The copied ledger does not match the source ({after.Problem ?? "different head"}); nothing was kept.");
            }

            return new MigrationOutcome(entries.Count, head?.Sequence ?? 0, head?.Hash ?? "", records);
        }, cancellationToken);
    }

    private static (List<LedgerEntry>, Dictionary<string, int>, List<Action<IStoreSession>>) Read(LiteDatabase db)
    {
        var entries = new LiteLedgerRepository(db, writable: false).All().ToList();
        var records = new Dictionary<string, int> { [LiteSchema.Ledger] = entries.Count };
        var copies = new List<Action<IStoreSession>>();
        foreach (var name in db.GetCollectionNames().Order(StringComparer.Ordinal))
        {
            var docs = db.GetCollection(name).Find(Query.All(Query.Ascending)).ToList();
            records[name] = docs.Count;
            if (name is LiteSchema.Ledger or LiteSchema.StoredFiles or LiteSchema.StoredFileChunks)
            {
                continue;
            }

            copies.AddRange(name switch
            {
                LiteSchema.Meta => docs.Select(Meta),
                LiteSchema.Attachments => docs.Select(d => Attachment(db, d)),
                _ when LiteCollections.Copiers.TryGetValue(name, out var copier) => docs.Select(copier),
                _ => throw new MigrationRefusedException($"The LiteDB file holds a collection '{name}' this migration does not know; nothing was copied. Use the console version that matches the file."),
            });
        }

        foreach (var file in db.FileStorage.FindAll().Where(f => f.Id.StartsWith("rbf/", StringComparison.Ordinal)).ToList())
        {
            var sha256 = file.Id["rbf/".Length..];
            using var content = new MemoryStream();
            db.FileStorage.Download(file.Id, content);
            var bytes = content.ToArray();
            copies.Add(s => s.Runbooks.AddFileContent(sha256, bytes));
        }

        return (entries, records, copies);
    }

    /// <summary>Meta records keep the same JSON in both stores; the kill-switch version counter is a bare number in LiteDB.</summary>
    private static Action<IStoreSession> Meta(BsonDocument doc)
    {
        var id = doc["_id"].AsString;
        var json = doc["json"].IsString ? doc["json"].AsString : doc["value"].AsInt64.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return s => ((PgSession)s).Context.Execute(
            "INSERT INTO meta (id, doc) VALUES (@id, CAST(@doc AS jsonb))", ("id", id), ("doc", json));
    }

    private static Action<IStoreSession> Attachment(LiteDatabase db, BsonDocument doc)
    {
        var attachment = JsonDocuments.Unwrap<Core.Evidence.Attachment>(doc);
        var content = new LiteAttachmentRepository(db, writable: false).Content(attachment.IncidentId, attachment.Id)
            ?? throw new MigrationRefusedException($"Attachment {attachment.Id} of incident {attachment.IncidentId} has no stored bytes; nothing was copied.");
        return s => s.Attachments.Add(attachment, content);
    }
}
