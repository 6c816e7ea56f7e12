using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Seeding;

namespace OperatorConsole.Storage;

public static class DependencyInjection
{
    public static IServiceCollection AddConsoleStorage(this IServiceCollection services, string dataFile)
    {
        // Opened now rather than at first use, so a locked or unwritable file stops the start with its message.
        var store = new LiteConsoleStore(dataFile);
        services.AddSingleton(_ => store);
        services.AddSingleton<IConsoleStore>(sp => sp.GetRequiredService<LiteConsoleStore>());
        services.AddSingleton<SeedDataLoader>();
        return services;
    }
}
