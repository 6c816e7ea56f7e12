namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>
/// The store's files on a disk a test can fill: while <see cref="Full"/> is set every write and flush fails with the
/// error a full disk gives. Reads keep working, as they do on a full disk, unless <see cref="ReadsFail"/> is set: then
/// every read fails with the error a failing disk gives. While <see cref="HoldSyncs"/> is set, an
/// fsync of the log signals <see cref="SyncStarted"/> and waits for <see cref="ReleaseSyncs"/>.
/// </summary>
public sealed class FillableDisk
{
    private readonly ManualResetEventSlim _syncsReleased = new();
    private volatile bool _full;
    private volatile bool _holdSyncs;
    private volatile bool _readsFail;

    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    public bool HoldSyncs
    {
        get => _holdSyncs;
        set => _holdSyncs = value;
    }

    public bool ReadsFail
    {
        get => _readsFail;
        set => _readsFail = value;
    }

    public ManualResetEventSlim SyncStarted { get; } = new();

    public void ReleaseSyncs() => _syncsReleased.Set();

    public FileStream Open(string path) => new FillableFileStream(this, path);

    private sealed class FillableFileStream(FillableDisk disk, string path)
        : FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess)
    {
        private readonly bool _isLog = path.EndsWith("-log.db", StringComparison.Ordinal);

        public override int Read(byte[] buffer, int offset, int count)
        {
            ThrowIfReadsFail();
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            ThrowIfReadsFail();
            return base.Read(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            ThrowIfFull();
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            ThrowIfFull();
            base.Write(buffer);
        }

        public override void Flush(bool flushToDisk)
        {
            ThrowIfFull();
            if (flushToDisk && _isLog && disk.HoldSyncs)
            {
                disk.SyncStarted.Set();
                disk._syncsReleased.Wait(TimeSpan.FromMinutes(1));
            }

            base.Flush(flushToDisk);
        }

        private void ThrowIfReadsFail()
        {
            if (disk.ReadsFail)
            {
                throw new IOException("Input/output error");
            }
        }

        private void ThrowIfFull()
        {
            if (disk.Full)
            {
                throw new IOException("No space left on device");
            }
        }
    }
}
