using Microsoft.Extensions.Logging;

namespace OperatorConsole.Core.Leases;

/// <summary>
/// Runs a piece of background work only while this instance holds its lease: waits for the lease, runs the work,
/// renews at a third of the lease's time, and cancels the work the moment a renewal fails (another instance may
/// then take it), going back to waiting.
/// </summary>
public sealed class LeasedWork(IWorkLeases leases, TimeProvider clock, ILogger<LeasedWork> logger)
{
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(15);

    public async Task RunAsync(string work, Func<CancellationToken, Task> run, CancellationToken stoppingToken, TimeSpan? duration = null)
    {
        var lease = duration ?? DefaultDuration;
        var renewEvery = lease / 3;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await HoldsAsync(work, lease, stoppingToken))
                {
                    await Task.Delay(renewEvery, clock, stoppingToken);
                    continue;
                }

                logger.LogInformation("This instance took the {Work} lease", work);
                using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var running = RunGuardedAsync(work, run, held.Token);
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(renewEvery, clock, stoppingToken));
                    if (!running.IsCompleted && !await HoldsAsync(work, lease, stoppingToken))
                    {
                        logger.LogWarning("This instance lost the {Work} lease; the work stops here", work);
                        await held.CancelAsync();
                    }
                }

                await running;

                // Work that ended on its own (it failed) starts again after a pause, not in a tight loop.
                await Task.Delay(renewEvery, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: hand the work over at once rather than after the lease runs out.
            await leases.ReleaseAsync(work, CancellationToken.None);
        }
    }

    private async Task<bool> HoldsAsync(string work, TimeSpan lease, CancellationToken stoppingToken)
    {
        try
        {
            return await leases.TryHoldAsync(work, lease, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store cannot confirm the lease: stop rather than risk two instances doing the same work.
            logger.LogWarning(ex, "Could not renew the {Work} lease", work);
            return false;
        }
    }

    private async Task RunGuardedAsync(string work, Func<CancellationToken, Task> run, CancellationToken token)
    {
        try
        {
            await run(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Lease lost or shutting down.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Background work {Work} failed; it starts again under its lease", work);
        }
    }
}
