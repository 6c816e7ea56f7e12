using System.Collections.Concurrent;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// The LiteDB store: one open database per process, in Direct mode (never Shared), behind an exclusive lock file.
///
/// Every write runs on ONE dedicated writer thread, one transaction at a time, because:
/// - LiteDB 5.0.20 (the newest served here) can corrupt the file under concurrent writes to
///   different collections (LiteDB issue #2825, fixed only in 5.0.21);
/// - LiteDB transactions are bound to the calling thread, so a transaction must begin, run and
///   commit on the same thread with no <c>await</c> in between — hence changes are synchronous
///   delegates and the awaiting happens outside, on the task this class hands back.
/// The task completes only after the commit's log pages are on the disk (one fsync per batch; see the Writer part). When a commit fails for the disk's sake
/// (full, I/O error, read-only) the caller gets <see cref="StoreUnavailableException"/>, the writer thread lives on,
/// the database is reopened from what reached the disk, and the next write tries again.
/// </summary>
public sealed partial class LiteConsoleStore : IConsoleStore, IStoreStatus, IDisposable
{
    private readonly Func<string, FileStream> _openFile;
    private readonly DataFileLock _lock;
    private readonly BlockingCollection<WriterWork> _queue = new();
    private readonly Thread _writer;
    private volatile OpenDatabase? _open;
    private volatile Exception? _lastFailure;
    private readonly Lock _disposing = new();
    private volatile bool _disposed;

    /// <summary>Reads this thread is inside (a query may read again from within itself); such a thread must not wait for the writer.</summary>
    [ThreadStatic]
    private static int t_reading;

    public LiteConsoleStore(string dataFile)
        : this(dataFile, DurableFileStream.Open)
    {
    }

    /// <summary>Tests pass their own file opener to make the disk fail on demand.</summary>
    internal LiteConsoleStore(string dataFile, Func<string, FileStream> openFile)
    {
        DataFile = Path.GetFullPath(dataFile);
        _openFile = openFile;
        _lock = StartupFailures.Explain(DataFile, () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DataFile)!);
            return DataFileLock.Acquire(DataFile);
        });
        try
        {
            _open = StartupFailures.Explain(DataFile, () => OpenDatabase.Open(DataFile, _openFile));
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "LiteDB writer" };
        _writer.Start();
    }

    public string DataFile { get; }

    public string Location => DataFile;

    /// <summary>Why the last write failed, or null once a write succeeded again; the health check reports it.</summary>
    public Exception? LastFailure => _lastFailure;

    public static string LogFileFor(string dataFile) =>
        Path.Combine(Path.GetDirectoryName(dataFile)!, Path.GetFileNameWithoutExtension(dataFile) + "-log" + Path.GetExtension(dataFile));

    public Task<T> WriteAsync<T>(Func<IStoreSession, T> change, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new QueuedWrite<T>(change);
        _queue.Add(write, cancellationToken);
        return write.Done.Task;
    }

    public T Read<T>(Func<IStoreSession, T> query)
    {
        var lease = _open?.TryBeginRead() ?? Replacing(null, _lastFailure);
        try
        {
            return ReadOn(lease, query);
        }
        catch (Exception ex) when (IsDiskFailure(ex) && !_disposed)
        {
            // The disk failed a read, or LiteDB closed its engine itself after a failed internal check. The lease has
            // ended by now, so the writer can close that opening while this thread waits for the fresh one.
            var fresh = Replacing(lease.Open, ex);
            try
            {
                return ReadOn(fresh, query);
            }
            catch (Exception again) when (IsDiskFailure(again) && !_disposed)
            {
                throw Unreadable(again);
            }
        }
    }

    /// <summary>Runs the query on the leased opening, which stays open until the query returns.</summary>
    private static T ReadOn<T>(OpenDatabase.ReadLease lease, Func<IStoreSession, T> query)
    {
        using (lease)
        {
            t_reading++;
            try
            {
                return query(new LiteSession(lease.Open.Db, writable: false));
            }
            finally
            {
                t_reading--;
            }
        }
    }

    /// <summary>
    /// Idempotent: the container disposes this once per service registration that exposes it. A call that comes while
    /// another thread is disposing waits for it, so a returned Dispose means the data file is released; a test host
    /// relies on it, because the console's own entry point disposes the same container on its thread at the same time.
    /// </summary>
    public void Dispose()
    {
        lock (_disposing)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _queue.CompleteAdding();
            _writer.Join();
            _open?.Dispose();
            _queue.Dispose();
            _lock.Dispose();
        }
    }
}
