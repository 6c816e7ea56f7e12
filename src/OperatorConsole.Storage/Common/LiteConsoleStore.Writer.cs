using LiteDB;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// The writer thread's side: the queue, group commit, and recovery from a failed commit.
///
/// Group commit: the changes queued together run in one transaction (see the Transactions part), but their answers
/// wait in <see cref="_unanswered"/>. Once the queue runs empty (or <see cref="MaxUnanswered"/> answers wait), one
/// fsync of the log makes every commit so far durable, and only then are they all answered. Refusals wait too, since
/// they may have read a commit that is not yet durable.
/// </summary>
public sealed partial class LiteConsoleStore
{
    private const int MaxUnanswered = 512;

    /// <summary>Changes committed since the last fsync, or refused; answered once that fsync is done. Writer thread only.</summary>
    private readonly List<QueuedWrite> _unanswered = [];

    /// <summary>
    /// Whether a commit owed an answer wrote to the log. Only such a batch, once on the disk, shows that the disk takes
    /// writes again: a refused change, or one that changed nothing, syncs even a full disk. Writer thread only.
    /// </summary>
    private bool _unansweredWrote;

    /// <summary>Runs <paramref name="work"/> on the writer thread between two transactions, with no write in flight.</summary>
    internal Task<T> BetweenTransactionsAsync<T>(Func<OpenDatabase, T> work, CancellationToken cancellationToken = default) =>
        BetweenTransactionsAsync(work, broken: null, cause: null, cancellationToken);

    /// <summary>
    /// As above, but first throws <paramref name="broken"/> away for <paramref name="cause"/>, unless the writer did
    /// already: a reader found that opening's engine closed.
    /// </summary>
    private Task<T> BetweenTransactionsAsync<T>(
        Func<OpenDatabase, T> work, OpenDatabase? broken, Exception? cause, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add(
            new BetweenTransactions(() =>
            {
                try
                {
                    if (broken is not null && ReferenceEquals(_open, broken))
                    {
                        _ = Failed(cause!);
                    }

                    AnswerBatch();
                    var db = ReopenedIfNeeded();
                    db.LedgerHead.Forget();
                    done.SetResult(work(db));
                }
                catch (Exception ex) when (IsDiskFailure(ex) && (_open is null || _open.Fault.Cause is not null))
                {
                    done.SetException(Failed(ex));
                }
                catch (DiskReadFailedException ex)
                {
                    // The opening stays: a failed read left it sound, and the next read that fails replaces it.
                    done.SetException(Unreadable(ex));
                }
                catch (Exception ex)
                {
                    // The work failed outside the data files (e.g. the backups folder); the database is sound.
                    done.SetException(ex);
                }
            }),
            cancellationToken);
        return done.Task;
    }

    /// <summary>
    /// For a reader: waits while the writer throws <paramref name="broken"/> away (unless it did already) and opens the
    /// file afresh, between two transactions; answers a read leased on the fresh opening, or that the store is
    /// unavailable. The writer takes the lease itself, so the opening cannot close before the reader uses it, however
    /// fast the next failed write follows.
    /// </summary>
    private OpenDatabase.ReadLease Replacing(OpenDatabase? broken, Exception? cause)
    {
        try
        {
            if (Thread.CurrentThread == _writer)
            {
                throw new InvalidOperationException("The writer cannot wait for itself.");
            }

            if (t_reading > 0)
            {
                // The writer closes an opening only once the reads on it have ended, this thread's outer read too.
                throw new InvalidOperationException("A read cannot wait for the writer from within another read.");
            }

            return BetweenTransactionsAsync(db => db.TryBeginRead()!.Value, broken, cause, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is StoreUnavailableException or InvalidOperationException || IsDiskFailure(ex))
        {
            // The writer answers a reopening that failed as a change not saved; to the reader it is a read that failed.
            throw Unreadable(cause ?? (ex as StoreUnavailableException)?.InnerException ?? ex);
        }
    }

    private StoreUnavailableException Unreadable(Exception cause) => new(
        $"The data file {DataFile} could not be read ({cause.Message}). Check the disk and the file's permissions; the console reopens it with the next request.",
        cause);

    private void WriterLoop()
    {
        var writes = new List<QueuedWrite>(MaxTogether);
        WriterWork? next = null;
        while (next is not null || _queue.TryTake(out next, Timeout.Infinite))
        {
            var work = next;
            next = null;
            if (work is BetweenTransactions between)
            {
                between.Run();
            }
            else
            {
                // Everything queued meanwhile joins the transaction, up to the first work that needs none.
                writes.Add((QueuedWrite)work);
                while (writes.Count < MaxTogether && _queue.TryTake(out next) && next is QueuedWrite write)
                {
                    writes.Add(write);
                    next = null;
                }

                Write(writes);
                writes.Clear();
            }

            if ((next is null && _queue.Count == 0) || _unanswered.Count >= MaxUnanswered)
            {
                AnswerBatch();
            }
        }
    }

    /// <summary>Called by the writer loop once the queue runs empty or enough answers wait: one fsync, then every answer.</summary>
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
            answer.Answer(failure);
        }
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

    /// <summary>The disk failed, or LiteDB closed its engine after a failure (which it does on any I/O error or failed check).</summary>
    private static bool IsDiskFailure(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or ObjectDisposedException or DiskReadFailedException
        || (ex is LiteException lite && lite.ErrorCode is LiteException.INVALID_DATAFILE_STATE or LiteException.ENGINE_DISPOSED);
}
