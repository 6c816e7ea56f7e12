using Microsoft.AspNetCore.SignalR;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Web.Telemetry;

namespace OperatorConsole.Web.Hubs;

/// <summary>
/// Feeds the hub from the same broadcaster the Blazor components read, so both see one stream. Events go out as
/// they are (plain JSON, with their state), so several instances can feed their hubs from one shared stream.
/// </summary>
public sealed class HubEventForwarder(
    ILiveEventSource source, ILiveEventOrigins origins, IHubContext<ConsoleHub> hub, LockdownService lockdown, ConsoleMetrics metrics,
    ILogger<HubEventForwarder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = source.Subscribe(Topics.All);
        try
        {
            await foreach (var liveEvent in subscription.Reader.ReadAllAsync(stoppingToken))
            {
                if (origins.CameFromAnotherInstance(liveEvent))
                {
                    // The instance that committed it forwarded it; the backplane brings it to this instance's clients.
                    continue;
                }

                try
                {
                    await hub.Clients.Group(liveEvent.Topic).SendAsync(ConsoleHub.EventMethod, liveEvent, stoppingToken);
                    metrics.Delivered(liveEvent);
                    if (liveEvent.Kind is LockdownEvents.Engaged or LockdownEvents.Released)
                    {
                        await hub.Clients.Group(Topics.Lockdown).SendAsync(ConsoleHub.LockdownMethod, LockdownHubState.Of(lockdown.Active()), stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not forward {EventKind} on {Topic} to hub clients", liveEvent.Kind, liveEvent.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
