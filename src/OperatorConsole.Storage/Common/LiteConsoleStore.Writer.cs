using LiteDB;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>The writer thread's side: one transaction at a time, and recovery from a failed commit.</summary>
public sealed partial class LiteConsoleStore
{
    /// <summary>Runs <paramref name="work"/> on the writer thread between two transactions, with no write in flight.</summary>
    internal Task<T> BetweenTransactionsAsync<T>(Func<OpenDatabase, T> work, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(
            () =>
            {
                try
                {
                    done.SetResult(work(ReopenedIfNeeded()));
                }
                catch (Exception ex) when (IsDiskFailure(ex) && (_open is null || _open.Fault.Cause is not null))
                {
                    done.SetException(Failed(ex));
                }
                catch (Exception ex)
                {
                    // The work failed outside the data files (e.g. the backups folder); the database is sound.
                    done.SetException(ex);
                }
            },
            cancellationToken);
        return done.Task;
    }

    private void Write<T>(Func<IStoreSession, T> change, TaskCompletionSource<T> done)
    {
        OpenDatabase db;
        try
        {
            db = ReopenedIfNeeded();
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            done.SetException(Failed(ex));
            return;
        }

        if (!db.Db.BeginTrans())
        {
            done.SetException(new InvalidOperationException("A transaction was already open on the writer thread."));
            return;
        }

        T result;
        try
        {
            result = change(new LiteSession(db.Db, writable: true));
        }
        catch (Exception ex)
        {
            RolledBack(db, ex, done);
            return;
        }

        try
        {
            db.CommitDurably();
        }
        catch (Exception ex) when (IsDiskFailure(ex) || db.Fault.Cause is not null)
        {
            done.SetException(Failed(ex));
            return;
        }

        _lastFailure = null;
        done.SetResult(result);
    }

    private void RolledBack<T>(OpenDatabase db, Exception refusal, TaskCompletionSource<T> done)
    {
        try
        {
            db.Db.Rollback();
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            done.SetException(Failed(ex));
            return;
        }

        done.SetException(IsDiskFailure(refusal) ? Failed(refusal) : refusal);
    }

    /// <summary>Throws the broken database away and opens the file afresh; the caller's write is answered as not saved.</summary>
    private StoreUnavailableException Failed(Exception cause)
    {
        _lastFailure = cause;
        var broken = _open;
        _open = null;
        try
        {
            broken?.Dispose();
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            // Closing a database whose disk failed can fail too; the fresh one below replays the log from the disk.
        }

        try
        {
            _open = OpenDatabase.Open(DataFile, _openFile);
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            // Still failing: the next write tries again, and reads say the store is unavailable meanwhile.
        }

        return new StoreUnavailableException(
            $"The change was not saved: the data file {DataFile} could not be written ({cause.Message}). " +
            "Free disk space or fix the file's permissions; the console retries with the next change.",
            cause);
    }

    private OpenDatabase ReopenedIfNeeded() => _open ??= OpenDatabase.Open(DataFile, _openFile);

    private static bool IsDiskFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or ObjectDisposedException
        || (ex is LiteException lite && lite.ErrorCode == LiteException.INVALID_DATAFILE_STATE);
}
