using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LiteDB;
using LiteDB.Engine;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// Ids and string keys compare ordinally (exact, case-sensitive), as under the PostgreSQL store's "C" collation. LiteDB
/// compares them under the collation written in the data file's header when the file was created, and its default
/// ignores case (and, under ICU, control characters): "Payments" and "payments" were one id there, so an upsert of one
/// replaced the other. New files are created ordinal (see <see cref="OpenDatabase"/>); LiteDB cannot change a file's
/// collation in place, and its own rebuild works only on files it opens by name, so an older file is copied here into a
/// new ordinal file that then takes its name. A crash at any point leaves either the old file whole (and the copy, a
/// temporary file, is redone at the next open) or the new one complete. The old unique _id indexes admitted no two ids
/// that differ only in case, so the copy never collides. The copy also adds the keys an older file's documents lack
/// (<see cref="LiteSchema.Rekeys"/>), so the schema finds nothing left to rewrite when it runs on the new file.
/// </summary>
internal static class OrdinalCollationUpgrade
{
    // A FileStorage chunk is at most 255 KB: a batch holds at most about 25 MB in memory.
    private const int BatchSize = 100;

    private static readonly string[] CopiedPragmas = [Pragmas.USER_VERSION, Pragmas.TIMEOUT, Pragmas.UTC_DATE, Pragmas.CHECKPOINT, Pragmas.LIMIT_SIZE];

    public static string TemporaryFileFor(string dataFile) => dataFile + ".ordinal-upgrade";

    public static bool IsOrdinal(ILiteDatabase db) => db.Collation.SortOptions == CompareOptions.Ordinal;

    /// <summary>Returns an opening of the data file, upgraded first if its collation is not ordinal.</summary>
    public static OpenDatabase Open(string dataFile, Func<string, FileStream> openFile, Func<OpenDatabase> open)
    {
        var copy = TemporaryFileFor(dataFile);
        DeleteIfPresent(copy);
        var opened = open();
        if (IsOrdinal(opened.Db))
        {
            return opened;
        }

        using (opened)
        {
            try
            {
                CopyInto(opened.Db, copy, openFile);
            }
            catch
            {
                // A copy cut short by a full disk would keep its space until the next open.
                DeleteIfPresent(copy);
                throw;
            }

            // The old log must not outlive the old file: replayed onto the new one it would overwrite its pages. So the
            // old file takes in every committed transaction first, and what the log still holds is uncommitted.
            opened.Checkpoint();
        }

        using (var log = openFile(LiteConsoleStore.LogFileFor(dataFile)))
        {
            log.SetLength(0);
            log.Flush(flushToDisk: true);
        }

        File.Move(copy, dataFile, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(dataFile)!);
        return open();
    }

    private static void CopyInto(ILiteDatabase source, string copy, Func<string, FileStream> openFile)
    {
        using var file = openFile(copy);

        // A log in memory: every commit below is checkpointed into the file, which alone is then complete.
        using (var target = new LiteDatabase(new LiteEngine(new EngineSettings { DataStream = file, LogStream = new MemoryStream(), Collation = Collation.Binary }), disposeOnClose: true))
        {
            var indexes = source.GetCollection("$indexes").FindAll().Where(i => i["name"].AsString != "_id").ToList();
            foreach (var name in source.GetCollectionNames())
            {
                // The keys the schema would add at open are added here instead: each document is written once.
                var rekeys = LiteSchema.Rekeys.Where(r => string.Equals(r.Collection, name, StringComparison.OrdinalIgnoreCase)).ToList();
                var replaced = rekeys.SelectMany(r => r.Unread).ToHashSet(StringComparer.Ordinal);
                var collection = target.GetCollection(name);
                foreach (var index in indexes.Where(i => i["collection"].AsString == name && !replaced.Contains(i["name"].AsString)))
                {
                    collection.EnsureIndex(index["name"].AsString, BsonExpression.Create(index["expression"].AsString), index["unique"].AsBoolean);
                }

                foreach (var rekey in rekeys)
                {
                    collection.EnsureIndex(rekey.Field);
                }

                // An empty insert still creates the collection, as the old file had it.
                collection.Insert(Array.Empty<BsonDocument>());
                var documents = source.GetCollection(name).FindAll().Select(doc => rekeys.Aggregate(doc, (d, rekey) => rekey.Apply(d)));
                foreach (var batch in documents.Chunk(BatchSize))
                {
                    collection.Insert(batch);
                }
            }

            foreach (var pragma in CopiedPragmas)
            {
                target.Pragma(pragma, source.Pragma(pragma));
            }

            target.Checkpoint();
        }

        file.Flush(flushToDisk: true);
    }

    // Only when present: on a read-only mount even the unlink of a missing file fails.
    private static void DeleteIfPresent(string file)
    {
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    /// <summary>Makes the rename durable before anything is written to the new file; .NET opens no directory handle.</summary>
    private static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = PosixOpen(Encoding.UTF8.GetBytes(directory + "\0"), 0);
        if (fd < 0)
        {
            throw new IOException($"Cannot open the folder {directory} to make a rename in it durable (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (PosixFsync(fd) != 0)
            {
                throw new IOException($"Cannot make a rename in the folder {directory} durable (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = PosixClose(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int PosixOpen(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int PosixFsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int PosixClose(int fd);
}
