using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.PostgreSql;

namespace OperatorConsole.Web.Hosting;

/// <summary>
/// Storage:Provider picks the store: LiteDB (the default) or PostgreSQL at ConnectionStrings:Console. A setting that
/// cannot work (an unknown provider, PostgreSQL without a connection string) ends the start with a message saying which
/// setting to fix; the connection string itself (it may hold a password) is never shown or logged.
/// </summary>
public static class StoreSelection
{
    public static IServiceCollection AddSelectedStore(this IServiceCollection services, WebApplicationBuilder builder)
    {
        var paths = StoragePaths.From(builder);
        var provider = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] ?? StorageProviders.LiteDb;
        if (!StorageProviders.IsKnown(provider))
        {
            return services.AddUnavailableStore(
                $"Storage:Provider is '{provider}'; set it to {StorageProviders.LiteDb} (the default) or {StorageProviders.PostgreSql}.");
        }

        if (!string.Equals(provider, StorageProviders.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            return services.AddConsoleStorage(paths.DataFile, paths.BackupFolder, paths.CheckpointKeyFile, paths.CheckpointLogFile);
        }

        var connectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString)
            ? services.AddUnavailableStore(
                "Storage:Provider is PostgreSQL but ConnectionStrings:Console is empty. Set it (e.g. the environment variable " +
                "ConnectionStrings__Console=\"Host=db;Database=console;Username=console;Password=...\") or remove Storage:Provider to use LiteDB.")
            : services.AddConsolePostgreSqlStorage(
                connectionString,
                paths.CheckpointKeyFile ?? CheckpointKey.DefaultPathFor(paths.DataFile),
                paths.CheckpointLogFile ?? FileCheckpointLog.DefaultPathFor(paths.DataFile));
    }

    /// <summary>The host still builds, so the start can end on <see cref="StoreStartup.TryOpenStore"/> with the message.</summary>
    private static IServiceCollection AddUnavailableStore(this IServiceCollection services, string message) =>
        services.AddSingleton<IConsoleStore>(_ => throw new StoreUnavailableException(message));
}
