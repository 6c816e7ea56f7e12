using Microsoft.Extensions.Options;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Leases;

namespace OperatorConsole.Web.Features.Audit;

/// <summary>
/// Seals the ledger head when the console starts (before it takes requests), when enough entries or time have
/// passed, and when it stops. The startup checkpoint after a shutdown checkpoint shows any entry added while stopped.
/// At start it also adopts security records stored before they cited their ledger entry.
/// </summary>
public sealed class LedgerSealing(
    LedgerSealer sealer, AuditService audit, LeasedWork leased, IOptions<CheckpointOptions> options, TimeProvider clock,
    ILogger<LedgerSealing> logger)
    : BackgroundService
{
    /// <summary>With several instances, one seals on count and time; each still seals when it starts and stops.</summary>
    public const string LeaseName = "ledger-sealing";

    /// <summary>How often the "is a seal due" check runs; the seal itself follows the configured count and interval.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SealAsync(CheckpointReasons.Startup);

        // After the startup seal, so the adoption entries are this run's own writes.
        var adopted = await audit.AdoptUnreferencedSecurityRecordsAsync();
        if (adopted > 0)
        {
            logger.LogWarning("{RecordCount} users, API keys or policies predating ledger references were adopted as they stand", adopted);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await SealAsync(CheckpointReasons.Shutdown);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leased.RunAsync(LeaseName, SealWhenDueAsync, stoppingToken);

    private async Task SealWhenDueAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sealer.SealIfDueAsync(options.Value);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed seal (e.g. the disk is full) is retried at the next tick; the console keeps serving.
                logger.LogError(ex, "Sealing the ledger failed");
            }
        }
    }

    private async Task SealAsync(string reason)
    {
        try
        {
            var checkpoint = await sealer.SealHeadAsync(reason);
            if (checkpoint is not null)
            {
                logger.LogInformation("Ledger sealed at entry {LedgerSequence} by checkpoint {CheckpointNumber} ({CheckpointReason})",
                    checkpoint.Sequence, checkpoint.Number, reason);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException or Core.Persistence.StoreUnavailableException)
        {
            logger.LogError(ex, "Sealing the ledger at {CheckpointReason} failed", reason);
        }
    }
}
