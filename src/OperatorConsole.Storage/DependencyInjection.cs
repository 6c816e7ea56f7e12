using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Backup;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Seeding;

namespace OperatorConsole.Storage;

public static class DependencyInjection
{
    /// <param name="backupFolder">Where online backups go; by default a backups folder beside the data file.</param>
    public static IServiceCollection AddConsoleStorage(this IServiceCollection services, string dataFile, string? backupFolder = null)
    {
        backupFolder ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataFile))!, "backups");
        services.AddSingleton(_ => new LiteConsoleStore(dataFile));
        services.AddSingleton<IConsoleStore>(sp => sp.GetRequiredService<LiteConsoleStore>());
        services.AddSingleton<IBackupFolder>(sp => new LiteBackupFolder(sp.GetRequiredService<LiteConsoleStore>(), backupFolder));
        services.AddSingleton<SeedDataLoader>();
        return services;
    }
}
