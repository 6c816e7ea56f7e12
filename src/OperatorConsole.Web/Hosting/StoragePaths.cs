using OperatorConsole.Core.Audit;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Web.Hosting;

/// <summary>
/// Where the store keeps its files as configured: the data file, the backups folder and the checkpoint key and log
/// (null: the store's default beside the data file); relative paths are under the content root.
/// </summary>
public sealed record StoragePaths(string DataFile, string? BackupFolder, string? CheckpointKeyFile, string? CheckpointLogFile)
{
    public static StoragePaths From(WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var checkpoints = builder.Configuration.GetSection(CheckpointOptions.Section).Get<CheckpointOptions>() ?? new CheckpointOptions();
        var root = builder.Environment.ContentRootPath;
        string? Under(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.Combine(root, path);
        return new StoragePaths(Path.Combine(root, storage.DataFile), Under(storage.BackupFolder), Under(checkpoints.CheckpointKeyFile), Under(checkpoints.CheckpointLogFile));
    }
}
