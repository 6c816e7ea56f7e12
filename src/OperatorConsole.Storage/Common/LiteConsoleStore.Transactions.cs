using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// The changes queued together share one transaction: consecutive changes touch the same data and index pages, so each
/// page is written to the log once per transaction instead of once per change, and one commit serves them all.
/// </summary>
public sealed partial class LiteConsoleStore
{
    /// <summary>
    /// At most this many changes in one transaction: twice the 32 concurrent writers the console is sized for, so a
    /// full queue is taken whole, while what one transaction holds stays bounded: the changed pages LiteDB keeps in
    /// memory until the commit (~20 pages of 8 KB for a note, fewer per change as they share pages), the wait of its
    /// first change for the last, and the writes run again when a late one fails.
    /// </summary>
    private const int MaxTogether = 64;

    /// <summary>Runs <paramref name="writes"/> (taken from the queue in order) in as few transactions as they allow.</summary>
    private void Write(List<QueuedWrite> writes)
    {
        for (var next = 0; next < writes.Count;)
        {
            next = WriteTogether(writes, next, writes.Count);
        }
    }

    /// <summary>
    /// Runs writes[<paramref name="from"/>..<paramref name="to"/>) one after the other in one transaction, each seeing
    /// the ones before it, and commits them once; returns the index of the first write left for the next transaction.
    /// The first write of a transaction runs exactly as it would alone. When a later one fails (it threw, or it needs
    /// a transaction of its own), the transaction rolls back, the writes before it run again, and the failed one runs
    /// first in the next transaction: no failing change takes another with it.
    /// </summary>
    private int WriteTogether(List<QueuedWrite> writes, int from, int to)
    {
        OpenDatabase db;
        try
        {
            db = Begin();
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            return AnswerAll(writes, from, to, Failed(ex));
        }
        catch (InvalidOperationException ex)
        {
            return AnswerAll(writes, from, to, ex);
        }

        for (var i = from; i < to; i++)
        {
            var session = new LiteSession(db.Db, writable: true, db.LedgerHead, firstInTransaction: i == from);
            try
            {
                writes[i].Run(session);
            }
            catch (Exception ex) when (i == from)
            {
                var failure = RollBack(db) ?? (IsDiskFailure(ex) ? Failed(ex) : null);
                if (failure is null)
                {
                    writes[i].Refused(ex);
                    _unanswered.Add(writes[i]);
                }
                else
                {
                    writes[i].Answer(failure);
                }

                return i + 1;
            }
            catch (Exception)
            {
                // Nothing of this transaction was committed; after a failed rollback the file was reopened, and the
                // writes run again on the fresh opening.
                _ = RollBack(db);
                for (var next = from; next < i;)
                {
                    next = WriteTogether(writes, next, i);
                }

                return i;
            }

            if (session.OwnTransaction)
            {
                to = i + 1;
            }
        }

        try
        {
            _unansweredWrote |= db.Commit();
        }
        catch (Exception ex) when (IsDiskFailure(ex) || db.Fault.Cause is not null)
        {
            return AnswerAll(writes, from, to, Failed(ex));
        }

        _unanswered.AddRange(writes.Skip(from).Take(to - from));
        return to;
    }

    /// <summary>
    /// Begins a transaction on the open database. LiteDB may have closed its engine since the last write (it does after
    /// an I/O error or a failed internal check, in a read as well): then the file is opened afresh once, and the
    /// writes run there.
    /// </summary>
    private OpenDatabase Begin()
    {
        var db = ReopenedIfNeeded();
        bool began;
        try
        {
            began = db.Db.BeginTrans();
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            _ = Failed(ex);
            db = ReopenedIfNeeded();
            began = db.Db.BeginTrans();
        }

        return began ? db : throw new InvalidOperationException("A transaction was already open on the writer thread.");
    }

    /// <summary>Rolls the open transaction back: null, or the failure that made the store reopen the file.</summary>
    private StoreUnavailableException? RollBack(OpenDatabase db)
    {
        try
        {
            db.LedgerHead.Forget();
            db.Db.Rollback();
            return null;
        }
        catch (Exception ex) when (IsDiskFailure(ex))
        {
            return Failed(ex);
        }
    }

    private static int AnswerAll(List<QueuedWrite> writes, int from, int to, Exception failure)
    {
        for (var i = from; i < to; i++)
        {
            writes[i].Answer(failure);
        }

        return to;
    }
}
