namespace OperatorConsole.Storage.Common;

/// <summary>
/// LiteDB 5.0.20 flushes its log only to the OS cache on commit (LiteDB issue #2818), which survives
/// a killed process but not a power cut. Forcing every flush through to the disk makes an
/// acknowledged commit durable at the price of one fsync per write transaction.
/// </summary>
internal sealed class DurableFileStream(string path)
    : FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 8192, FileOptions.RandomAccess)
{
    public override void Flush() => base.Flush(flushToDisk: true);

    public override void Flush(bool flushToDisk) => base.Flush(flushToDisk: true);
}
