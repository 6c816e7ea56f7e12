using System.Collections.Concurrent;
using LiteDB;
using LiteDB.Engine;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// The LiteDB store: one <see cref="LiteDatabase"/> per process, in Direct mode (never Shared).
///
/// Every write runs on ONE dedicated writer thread, one transaction at a time, because:
/// - LiteDB 5.0.20 (the newest served here) can corrupt the file under concurrent writes to
///   different collections (LiteDB issue #2825, fixed only in 5.0.21);
/// - LiteDB transactions are bound to the calling thread, so a transaction must begin, run and
///   commit on the same thread with no <c>await</c> in between — hence changes are synchronous
///   delegates and the awaiting happens outside, on the task this class hands back.
/// The task completes only after Commit() has returned and the log was flushed to disk.
/// </summary>
public sealed class LiteConsoleStore : IConsoleStore, IDisposable
{
    private readonly LiteDatabase _db;
    private readonly BlockingCollection<Action> _queue = new();
    private readonly Thread _writer;
    private int _disposed;

    public LiteConsoleStore(string dataFile)
    {
        var fullPath = Path.GetFullPath(dataFile);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        DataFile = fullPath;
        var settings = new EngineSettings
        {
            DataStream = new DurableFileStream(fullPath),
            LogStream = new DurableFileStream(LogFileFor(fullPath)),
        };
        _db = new LiteDatabase(new LiteEngine(settings), disposeOnClose: true);
        LiteSchema.EnsureIndexes(_db);
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "LiteDB writer" };
        _writer.Start();
    }

    public string DataFile { get; }

    public static string LogFileFor(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile)!, Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));

    public Task<T> WriteAsync<T>(Func<IStoreSession, T> change, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(() =>
        {
            if (!_db.BeginTrans())
            {
                done.SetException(new InvalidOperationException("A transaction was already open on the writer thread."));
                return;
            }

            try
            {
                var result = change(new LiteSession(_db, writable: true));
                _db.Commit();
                done.SetResult(result);
            }
            catch (Exception ex)
            {
                _db.Rollback();
                done.SetException(ex);
            }
        }, cancellationToken);
        return done.Task;
    }

    public T Read<T>(Func<IStoreSession, T> query) => query(new LiteSession(_db, writable: false));

    // Idempotent: the container disposes this instance twice, once as LiteConsoleStore and once
    // through the IConsoleStore registration that forwards to it.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.CompleteAdding();
        _writer.Join();
        _db.Dispose();
        _queue.Dispose();
    }

    private void WriterLoop()
    {
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            work();
        }
    }
}
