using LiteDB;
using LiteDB.Engine;
using OperatorConsole.Storage.Audit;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// One opening of the data file and its log: the engine, its two streams and their shared fault. After a failed write
/// the store throws this one away and opens a fresh one, which replays only the transactions that reached the log.
/// </summary>
internal sealed class OpenDatabase : IDisposable
{
    private const int PageSize = 8192;
    private readonly LiteEngine _engine;
    private readonly DurableFileStream _data;
    private readonly DurableFileStream _log;

    /// <summary>Guards <see cref="_reads"/> and <see cref="_closing"/>; an object, not a Lock, for Monitor.Wait.</summary>
    private readonly object _readGate = new();
    private int _reads;
    private bool _closing;

    private OpenDatabase(string dataFile, Func<string, FileStream> openFile)
    {
        _data = new DurableFileStream(openFile(dataFile), Fault, isLog: false);
        try
        {
            _log = new DurableFileStream(openFile(LiteConsoleStore.LogFileFor(dataFile)), Fault, isLog: true);

            // A write cut short by a full disk can leave part of a page at the log's end; LiteDB reads the log in whole pages.
            if (_log.Length % PageSize != 0)
            {
                _log.SetLength(_log.Length - (_log.Length % PageSize));
            }

            // LiteDB writes a collation only into a file it creates, and refuses a file whose header holds another one;
            // an older file is opened as it is, to be upgraded by OrdinalCollationUpgrade.
            var collation = _data.Length == 0 ? Collation.Binary : null;
            _engine = new LiteEngine(new EngineSettings { DataStream = _data, LogStream = _log, Collation = collation });
            Db = new LiteDatabase(_engine, disposeOnClose: true);
        }
        catch
        {
            _data.Dispose();
            _log?.Dispose();
            throw;
        }
    }

    public LiteDatabase Db { get; }

    public StoreFault Fault { get; } = new();

    /// <summary>The ledger's head as the writer thread knows it; a fresh opening starts knowing nothing.</summary>
    public LedgerHead LedgerHead { get; } = new();

    public static OpenDatabase Open(string dataFile, Func<string, FileStream> openFile)
    {
        var opened = OrdinalCollationUpgrade.Open(dataFile, openFile, () => new OpenDatabase(dataFile, openFile));
        try
        {
            LiteSchema.Ensure(opened.Db);
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Commits, then waits until the log pages are written (in the OS cache: they survive a killed process, not yet a
    /// power cut; <see cref="SyncLog"/> does that). Throws the write failure if there was one, so each commit knows
    /// whether all of its pages were written. Answers whether it wrote any: a change that changed nothing writes none.
    /// </summary>
    public bool Commit()
    {
        var before = _log.Written;
        Db.Commit();
        LogQueue.WaitUntilWritten(_engine);
        if (Fault.Cause is { } cause)
        {
            throw cause;
        }

        return _log.Written > before;
    }

    /// <summary>One fsync of the log for every commit written before it.</summary>
    public void SyncLog() => _log.FlushToDisk();

    /// <summary>Copies the log into the data file, so the data file alone holds every committed transaction.</summary>
    public void Checkpoint()
    {
        Db.Checkpoint();
        if (Fault.Cause is { } cause)
        {
            throw cause;
        }
    }

    /// <summary>
    /// Counts a read on this opening until the lease is disposed (on any thread); null once the opening is closing,
    /// as the writer replaces it.
    /// </summary>
    public ReadLease? TryBeginRead()
    {
        lock (_readGate)
        {
            if (_closing)
            {
                return null;
            }

            _reads++;
            return new ReadLease(this);
        }
    }

    /// <summary>
    /// Closes the engine only once the reads in flight on it have ended (new ones go to the fresh opening). LiteDB 5.0.20
    /// closing an engine disposes every open transaction from the closing thread while their own threads still use
    /// them (TransactionMonitor.Dispose takes no lock): those reads threw whatever LiteDB tripped over, and a
    /// transaction left half-disposed keeps its finalizer, which throws "share counter must be > 0 in Release()" on the
    /// finalizer thread and so ends the process. LiteDB closes an engine itself only after an IOException or a failed
    /// internal check (EngineState.Handle), and a failing disk gives it no IOException: the log's write failures are
    /// recorded, not thrown, reads throw <see cref="DiskReadFailedException"/> (see <see cref="DurableFileStream"/>),
    /// and a checkpoint's failed data-file write reaches the writer out of Commit or Checkpoint, which do not close.
    /// So every close is this one, with no reader inside, unless LiteDB fails one of its own checks.
    /// </summary>
    public void Dispose()
    {
        lock (_readGate)
        {
            _closing = true;
            while (_reads > 0)
            {
                Monitor.Wait(_readGate);
            }
        }

        try
        {
            Db.Dispose();
        }
        finally
        {
            // LiteDB closes only files it opened itself; streams handed to it stay open unless we close them.
            _data.Dispose();
            _log.Dispose();
        }
    }

    private void EndRead()
    {
        lock (_readGate)
        {
            if (--_reads == 0)
            {
                Monitor.PulseAll(_readGate);
            }
        }
    }

    /// <summary>One read counted on <see cref="Open"/>; disposed exactly once.</summary>
    public readonly struct ReadLease(OpenDatabase open) : IDisposable
    {
        public OpenDatabase Open => open;

        public void Dispose() => open.EndRead();
    }
}
