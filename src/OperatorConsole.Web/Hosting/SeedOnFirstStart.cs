using Microsoft.Extensions.Options;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Leases;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.Seeding;
using OperatorConsole.Web.Features.HostAdmin;

namespace OperatorConsole.Web.Hosting;

/// <summary>
/// Seeds the store before the server starts taking requests: the runbooks and kill switches on a first start,
/// the demo users and scopes when the demo is asked for and no user exists yet. Without the demo, a console
/// without an Admin says how to create one, since no known password is ever created. Instances starting together on
/// one shared database seed it once: each looks under the seeding lease, so the others find it seeded.
/// </summary>
public sealed class SeedOnFirstStart(
    SeedDataLoader loader, UserService users, LedgerSealer sealer, IWorkLeases leases, TimeProvider clock, IOptions<StorageOptions> options,
    IConfiguration configuration, ILogger<SeedOnFirstStart> logger)
    : IHostedService
{
    public const string LeaseName = "seeding";

    /// <summary>Long enough for any seed; an instance that dies while seeding holds the others up this long at most.</summary>
    private static readonly TimeSpan SeedingLease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan LookAgainEvery = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SeedAsync(cancellationToken);
        if (!users.HasActiveAdmin())
        {
            logger.LogWarning("No Admin can sign in yet. Stop the console and create one: {FirstAdminCommand}", FirstAdmin.Command);
        }
    }

    /// <summary>
    /// Also run by the host's admin commands, so a store they create first still gets the runbooks. What was seeded is
    /// sealed at once, so a new console does not start with its whole ledger "not yet sealed".
    /// </summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        while (!await leases.TryHoldAsync(LeaseName, SeedingLease, cancellationToken))
        {
            logger.LogInformation("Another instance is seeding the store; waiting for it");
            await Task.Delay(LookAgainEvery, clock, cancellationToken);
        }

        try
        {
            await SeedUnderLeaseAsync();
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, CancellationToken.None);
        }
    }

    private async Task SeedUnderLeaseAsync()
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
