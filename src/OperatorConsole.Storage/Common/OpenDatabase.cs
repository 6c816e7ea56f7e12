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

            _engine = new LiteEngine(new EngineSettings { DataStream = _data, LogStream = _log });
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
        var opened = new OpenDatabase(dataFile, openFile);
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

    public void Dispose()
    {
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
}
