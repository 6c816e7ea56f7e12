using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Storage.Common;

/// <summary>Turns a data file that cannot be opened for writing into a message that names the path and the remedy.</summary>
internal static class StartupFailures
{
    public static T Explain<T>(string dataFile, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or DiskReadFailedException)
        {
            throw new StoreUnavailableException(
                $"Cannot open the data file {dataFile} for writing: {ex.Message} The console needs read and write access " +
                $"to the file and to its folder {Path.GetDirectoryName(dataFile)} (it keeps its log and lock files there). " +
                "Fix the permissions, remount the file system read-write, or point Storage:DataFile at a writable path.",
                ex);
        }
    }
}
