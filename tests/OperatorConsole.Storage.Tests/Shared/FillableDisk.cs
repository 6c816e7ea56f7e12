namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>
/// The store's files on a disk a test can fill: while <see cref="Full"/> is set every write and flush fails with the
/// error a full disk gives. Reads keep working, as they do on a full disk.
/// </summary>
public sealed class FillableDisk
{
    private volatile bool _full;

    public bool Full
    {
        get => _full;
        set => _full = value;
    }

    public FileStream Open(string path) => new FillableFileStream(this, path);

    private sealed class FillableFileStream(FillableDisk disk, string path)
        : FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess)
    {
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
            base.Flush(flushToDisk);
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
