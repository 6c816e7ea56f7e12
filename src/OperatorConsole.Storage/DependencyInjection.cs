using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Backup;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Seeding;

namespace OperatorConsole.Storage;

public static class DependencyInjection
{
    public static IServiceCollection AddConsoleStorage(this IServiceCollection services, string dataFile, string backupFolder)
    {
        // Opened now rather than at first use, so a locked or unwritable file stops the start with its message.
        var store = new LiteConsoleStore(dataFile);
        services.AddSingleton(_ => store);
        services.AddSingleton<IConsoleStore>(sp => sp.GetRequiredService<LiteConsoleStore>());
        services.AddSingleton<IBackupFolder>(sp => new LiteBackupFolder(sp.GetRequiredService<LiteConsoleStore>(), backupFolder));
        services.AddSingleton<SeedDataLoader>();
        return services;
    }
}
