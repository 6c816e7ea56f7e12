using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage;

namespace OperatorConsole.Web.Tests.Crash;

/// <summary>The Core services over a data file while no console runs on it (the lock would refuse a running one).</summary>
public static class OfflineConsole
{
    public static ServiceProvider Services(string dataFile) => new ServiceCollection()
        .AddLogging()
        .AddConsoleCore()
        .AddConsoleStorage(dataFile)
        .BuildServiceProvider();

    /// <summary>Creates an API key on the file before a child console starts, as an operator's admin command would.</summary>
    public static async Task<string> CreateApiKeyAsync(string dataFile, Role roles)
    {
        using var services = Services(dataFile);
        var admin = new Actor("crash-suite", "Crash suite", Role.Admin);
        return (await services.GetRequiredService<ApiKeyService>().CreateAsync(admin, "test writers", roles)).Secret;
    }
}
