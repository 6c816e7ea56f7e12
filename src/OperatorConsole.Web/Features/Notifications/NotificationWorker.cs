using Microsoft.Extensions.Options;
using OperatorConsole.Core.Leases;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Notifications;
using OperatorConsole.Web.Features.HealthChecks;

namespace OperatorConsole.Web.Features.Notifications;

/// <summary>
/// The one loop behind outgoing webhooks: it turns committed events into queued messages, sweeps rollback timers and
/// launch gates, and delivers whatever is due. Everything it does starts here, so running it on one instance only (a
/// lease) is one check at the top of the loop.
/// </summary>
public sealed class NotificationWorker(
    ILiveEventSource events, NotificationWatch watch, NotificationOutbox outbox, IOptions<NotificationOptions> options,
    TimeProvider clock, LeasedWork leased, IHostApplicationLifetime lifetime, ILogger<NotificationWorker> logger) : BackgroundService
{
    /// <summary>With several instances, one watches and delivers (every instance's changes reach it over the bus).</summary>
    public const string LeaseName = "notifications";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CheckSchedulerService.Started(lifetime, stoppingToken);
        await leased.RunAsync(LeaseName, RunRoundsAsync, stoppingToken);
    }

    private async Task RunRoundsAsync(CancellationToken stoppingToken)
    {
        using var subscription = events.Subscribe(NotificationWatch.Topics);
        var nextSweep = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (subscription.Reader.TryRead(out var e))
                {
                    await watch.HandleAsync(e, stoppingToken);
                }

                if (clock.GetUtcNow() >= nextSweep)
                {
                    await watch.SweepAsync(stoppingToken);
                    nextSweep = clock.GetUtcNow() + options.Value.SweepInterval;
                }

                await outbox.DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The notification worker failed a round; it tries again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken); // A store fault would otherwise spin the loop.
            }

            await WaitAsync(subscription, nextSweep, stoppingToken);
        }
    }

    // Until an event, a nudge (a test send), the next due delivery or the next sweep, whichever comes first.
    private async Task WaitAsync(LiveSubscription subscription, DateTimeOffset nextSweep, CancellationToken stoppingToken)
    {
        var untilSweep = nextSweep - clock.GetUtcNow();
        var wait = outbox.UntilNextDue() is { } due && due < untilSweep ? due : untilSweep;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var read = subscription.Reader.WaitToReadAsync(woken.Token).AsTask();
        var nudged = outbox.Nudges.ReadAsync(woken.Token).AsTask();
        await Task.WhenAny(read, nudged, Task.Delay(wait, clock, woken.Token));
        await woken.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }
}
