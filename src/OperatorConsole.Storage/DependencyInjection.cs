using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Seeding;

namespace OperatorConsole.Storage;

public static class DependencyInjection
{
    public static IServiceCollection AddConsoleStorage(this IServiceCollection services, string dataFile)
    {
        services.AddSingleton(_ => new LiteConsoleStore(dataFile));
        services.AddSingleton<IConsoleStore>(sp => sp.GetRequiredService<LiteConsoleStore>());
        services.AddSingleton<SeedDataLoader>();
        return services;
    }
}
