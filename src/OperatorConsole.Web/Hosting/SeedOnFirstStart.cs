using Microsoft.Extensions.Options;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Seeding;
using OperatorConsole.Web.Features.HostAdmin;

namespace OperatorConsole.Web.Hosting;

/// <summary>
/// Seeds the store before the server starts taking requests: the runbooks and kill switches on a first start,
/// the demo users and scopes when the demo is asked for and no user exists yet. Without the demo, a console
/// without an Admin says how to create one, since no known password is ever created.
/// </summary>
public sealed class SeedOnFirstStart(
    SeedDataLoader loader, UserService users, LedgerSealer sealer, IOptions<StorageOptions> options, IConfiguration configuration,
    ILogger<SeedOnFirstStart> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SeedAsync();
        if (!users.HasActiveAdmin())
        {
            logger.LogWarning("No Admin can sign in yet. Stop the console and create one: {FirstAdminCommand}", FirstAdmin.Command);
        }
    }

    /// <summary>
    /// Also run by the host's admin commands, so a store they create first still gets the runbooks. What was seeded is
    /// sealed at once, so a new console does not start with its whole ledger "not yet sealed".
    /// </summary>
    public async Task SeedAsync()
    {
        var path = Path.Combine(AppContext.BaseDirectory, options.Value.SeedDataPath);
        var seeded = false;
        if (options.Value.SeedOnFirstStart && loader.IsEmpty)
        {
            logger.LogInformation("Empty store: seeding runbooks and kill switches from {SeedDataPath}", path);
            await loader.LoadAsync(path);
            seeded = true;
        }

        if (DemoMode.IsEnabled(configuration) && options.Value.SeedOnFirstStart && loader.HasNoUsers)
        {
            logger.LogWarning("Demo: seeding the demo users and scopes from {SeedDataPath}", path);
            await loader.LoadDemoAsync(path);
            seeded = true;
        }

        if (seeded)
        {
            await sealer.SealHeadAsync(CheckpointReasons.Seeded);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
