using Microsoft.Extensions.Options;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Seeding;

namespace OperatorConsole.Web.Hosting;

/// <summary>Seeds an empty store before the server starts taking requests.</summary>
public sealed class SeedOnFirstStart(SeedDataLoader loader, IOptions<StorageOptions> options, ILogger<SeedOnFirstStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SeedOnFirstStart || !loader.IsEmpty)
        {
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, options.Value.SeedDataPath);
        logger.LogInformation("Empty store: seeding from {SeedDataPath}", path);
        await loader.LoadAsync(path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
