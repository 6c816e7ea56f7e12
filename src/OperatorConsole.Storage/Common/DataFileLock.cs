using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// One process per data file. LiteDB 5 in Direct mode opens its file shared, so a second console on the same file
/// would start, hand out the same numbers and corrupt it. This holds an exclusive OS lock on <c>file.lock</c> next to the
/// data file for as long as the store is open; the OS drops it when the process dies, so a crash leaves no stale lock.
/// </summary>
internal sealed class DataFileLock : IDisposable
{
    private readonly FileStream _lock;

    private DataFileLock(FileStream held) => _lock = held;

    public static string PathFor(string dataFile) => dataFile + ".lock";

    public static DataFileLock Acquire(string dataFile)
    {
        var path = PathFor(dataFile);
        try
        {
            return new DataFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (File.Exists(path) && ex is not DirectoryNotFoundException)
        {
            throw new StoreUnavailableException(
                $"Another process is using the data file {dataFile} (it holds the lock {path}). Stop the other console or " +
                "admin command first, or point Storage:DataFile at another file.",
                ex);
        }
    }

    public void Dispose() => _lock.Dispose();
}
