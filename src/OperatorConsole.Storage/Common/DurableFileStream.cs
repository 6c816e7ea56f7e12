namespace OperatorConsole.Storage.Common;

/// <summary>
/// The file under LiteDB, with two jobs:
/// - Durability on our terms. LiteDB 5.0.20 flushes its log whenever its writer queue runs empty, which is after almost
///   every page, and never waits for that flush on commit (LiteDB issue #2818). So the log's Flush() stops at the OS
///   cache (enough for a killed process), and the store calls <see cref="FlushToDisk"/> once per batch of commits,
///   before it acknowledges them (enough for a power cut). The data file is written only by checkpoints, which must
///   reach the disk before LiteDB empties the log, so its flushes still go to the disk.
/// - A failed write (disk full, I/O error) is recorded in <see cref="StoreFault"/> and the file takes no more writes,
///   so a half-failed database never writes again. The log file's failures are recorded but NOT thrown: LiteDB writes
///   the log on its own queue thread, and an exception there makes 5.0.20 close the engine from inside that thread,
///   which waits on itself forever. The store's writer reads the fault after each commit instead.
/// </summary>
internal sealed class DurableFileStream(FileStream file, StoreFault fault, bool isLog) : Stream
{
    private long _written;

    public override bool CanRead => file.CanRead;

    public override bool CanSeek => file.CanSeek;

    public override bool CanWrite => file.CanWrite;

    public override long Length => file.Length;

    public override long Position { get => file.Position; set => file.Position = value; }

    /// <summary>Bytes written so far (LiteDB's queue thread writes the log, the store's writer reads this).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Unbuffered, so that a flush from our writer and one from LiteDB's queue thread share no buffer.</summary>
    public static FileStream Open(string path) =>
        new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);

    /// <summary>
    /// A failed read is thrown as <see cref="DiskReadFailedException"/>: LiteDB 5.0.20 closes its engine on any
    /// IOException, from the failing thread, under every other running query, and that close can end the process (see
    /// <see cref="OpenDatabase.Dispose"/>). The store replaces the opening instead, once those queries have ended.
    /// </summary>
    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return file.Read(buffer, offset, count);
        }
        catch (IOException ex)
        {
            throw new DiskReadFailedException(ex);
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count) => Guard(() =>
    {
        file.Write(buffer, offset, count);
        Interlocked.Add(ref _written, count);
    });

    public override void SetLength(long value) => Guard(() => file.SetLength(value));

    /// <summary>Unbuffered writes are already in the OS cache, so the log has nothing to do here; see the class summary.</summary>
    public override void Flush()
    {
        if (!isLog)
        {
            Guard(() => file.Flush(flushToDisk: true));
        }
    }

    /// <summary>
    /// Puts everything written so far on the disk, even after a later write failed: the commits before that failure
    /// were written whole and are still owed their durability. Throws when the disk refuses.
    /// </summary>
    public void FlushToDisk()
    {
        try
        {
            file.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            fault.Set(ex);
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        if (fault.Cause is { } earlier)
        {
            if (isLog)
            {
                return;
            }

            throw new IOException("An earlier write to the data files failed; this database takes no more writes.", earlier);
        }

        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            fault.Set(ex);
            if (!isLog)
            {
                throw;
            }
        }
    }
}
