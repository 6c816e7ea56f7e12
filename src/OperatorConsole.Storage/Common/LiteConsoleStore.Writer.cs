using LiteDB;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// The writer thread's side: one transaction at a time, group commit, and recovery from a failed commit.
///
/// Group commit: each change commits in its own transaction (so a failing change never takes another with it), but its
/// answer waits in <see cref="_unanswered"/>. Once the queue runs empty (or <see cref="MaxBatch"/> answers wait), one
/// fsync of the log makes every commit so far durable, and only then are they all answered. Refusals wait too, since
/// they may have read a commit that is not yet durable.
/// </summary>
public sealed partial class LiteConsoleStore
{
    private const int MaxBatch = 512;

    /// <summary>Answers owed to changes since the last fsync; given null once durable, else why not. Writer thread only.</summary>
    private readonly List<Action<Exception?>> _unanswered = [];

    /// <summary>
    /// Whether a commit owed an answer wrote to the log. Only such a batch, once on the disk, shows that the disk takes
    /// writes again: a refused change, or one that changed nothing, syncs even a full disk. Writer thread only.
    /// </summary>
    private bool _unansweredWrote;

    /// <summary>Runs <paramref name="work"/> on the writer thread between two transactions, with no write in flight.</summary>
    internal Task<T> BetweenTransactionsAsync<T>(Func<OpenDatabase, T> work, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(
            () =>
            {
                try
                {
                    AnswerBatch();
                    var db = ReopenedIfNeeded();
                    db.LedgerHead.Forget();
                    done.SetResult(work(db));
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
            result = change(new LiteSession(db.Db, writable: true, db.LedgerHead));
        }
        catch (Exception ex)
        {
            RolledBack(db, ex, done);
            return;
        }

        try
        {
            _unansweredWrote |= db.Commit();
        }
        catch (Exception ex) when (IsDiskFailure(ex) || db.Fault.Cause is not null)
        {
            done.SetException(Failed(ex));
            return;
        }

        _unanswered.Add(failure =>
        {
            if (failure is null)
            {
                done.SetResult(result);
            }
            else
            {
                done.SetException(failure);
            }
        });
    }

    /// <summary>Called by the writer loop once the queue runs empty or the batch is full: one fsync, then every answer.</summary>
    private void AnswerBatch()
    {
        if (_unanswered.Count == 0)
        {
            return;
        }

        var answers = _unanswered.ToArray();
        var wrote = _unansweredWrote;
        _unanswered.Clear();
        _unansweredWrote = false;
        Exception? failure = null;
        try
        {
            _open!.SyncLog();
            if (wrote)
            {
                _lastFailure = null;
            }
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            failure = Failed(ex);
        }

        foreach (var answer in answers)
        {
            answer(failure);
        }
    }

    private void RolledBack<T>(OpenDatabase db, Exception refusal, TaskCompletionSource<T> done)
    {
        try
        {
            db.LedgerHead.Forget();
            db.Db.Rollback();
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            done.SetException(Failed(ex));
            return;
        }

        if (IsDiskFailure(refusal))
        {
            done.SetException(Failed(refusal));
            return;
        }

        _unanswered.Add(failure => done.SetException(failure ?? refusal));
    }

    /// <summary>
    /// Answers the batch committed before the failure, throws the broken database away and opens the file afresh; the
    /// caller's write is answered as not saved.
    /// </summary>
    private StoreUnavailableException Failed(Exception cause)
    {
        AnswerBatch();
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
