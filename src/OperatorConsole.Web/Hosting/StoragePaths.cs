using OperatorConsole.Storage.Common;

namespace OperatorConsole.Web.Hosting;

/// <summary>The data file and the backups folder as configured (null: the store's default), relative paths under the content root.</summary>
public sealed record StoragePaths(string DataFile, string? BackupFolder)
{
    public static StoragePaths From(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var root = builder.Environment.ContentRootPath;
        return new StoragePaths(
            Path.Combine(root, options.DataFile),
            string.IsNullOrWhiteSpace(options.BackupFolder) ? null : Path.Combine(root, options.BackupFolder));
    }
}
