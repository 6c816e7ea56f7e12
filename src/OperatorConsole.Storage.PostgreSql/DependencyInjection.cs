using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Leases;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.PostgreSql.Backup;
using OperatorConsole.Storage.PostgreSql.Common;
using OperatorConsole.Storage.PostgreSql.Leases;
using OperatorConsole.Storage.Seeding;

namespace OperatorConsole.Storage.PostgreSql;

public static class DependencyInjection
{
    /// <summary>
    /// The PostgreSQL store (schema migrated when it is first resolved) and the checkpoint key and log, which stay files
    /// on the host (<paramref name="checkpointKeyFile"/>, <paramref name="checkpointLogFile"/>): never in the database they seal.
    /// </summary>
    public static IServiceCollection AddConsolePostgreSqlStorage(
        this IServiceCollection services, string connectionString, string checkpointKeyFile, string checkpointLogFile)
    {
        services.AddSingleton(_ => new PgConsoleStore(connectionString));
        services.AddSingleton<IConsoleStore>(sp => sp.GetRequiredService<PgConsoleStore>());
        services.AddSingleton<IStoreStatus>(sp => sp.GetRequiredService<PgConsoleStore>());
        services.AddSingleton<ICheckpointSigner>(_ => new CheckpointKey(checkpointKeyFile));
        services.AddSingleton<ICheckpointLog>(_ => new FileCheckpointLog(checkpointLogFile));
        services.AddSingleton<IBackupFolder, PgBackupFolder>();
        services.AddSingleton<IWorkLeases>(_ => new PgWorkLeases(connectionString));
        services.AddSingleton<SeedDataLoader>();
        return services;
    }
}
