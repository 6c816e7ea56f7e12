using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Backup;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Seeding;

namespace OperatorConsole.Storage;

public static class DependencyInjection
{
    /// <summary>
    /// The store, its backups folder (default: backups/ beside the data file), and the checkpoint key and checkpoint
    /// log, which live beside the data file unless given other paths (never inside it: a key or a checkpoint inside
    /// the file would go wherever the file goes).
    /// </summary>
    public static IServiceCollection AddConsoleStorage(
        this IServiceCollection services, string dataFile, string? backupFolder = null, string? checkpointKeyFile = null, string? checkpointLogFile = null)
    {
        backupFolder ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataFile))!, "backups");
        services.AddSingleton(_ => new LiteConsoleStore(dataFile));
        services.AddSingleton<ICheckpointSigner>(_ => new CheckpointKey(
            string.IsNullOrWhiteSpace(checkpointKeyFile) ? CheckpointKey.DefaultPathFor(dataFile) : checkpointKeyFile));
        services.AddSingleton(_ => new FileCheckpointLog(
            string.IsNullOrWhiteSpace(checkpointLogFile) ? FileCheckpointLog.DefaultPathFor(dataFile) : checkpointLogFile));
        services.AddSingleton<ICheckpointLog>(sp => sp.GetRequiredService<FileCheckpointLog>());
        services.AddSingleton<IConsoleStore>(sp => sp.GetRequiredService<LiteConsoleStore>());
        services.AddSingleton<IStoreStatus>(sp => sp.GetRequiredService<LiteConsoleStore>());
        services.AddSingleton<IBackupFolder>(sp => new LiteBackupFolder(sp.GetRequiredService<LiteConsoleStore>(), backupFolder, sp.GetRequiredService<FileCheckpointLog>()));
        services.AddSingleton<SeedDataLoader>();
        return services;
    }
}
