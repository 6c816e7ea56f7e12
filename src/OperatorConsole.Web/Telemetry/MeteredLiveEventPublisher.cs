using OperatorConsole.Core.Live;

namespace OperatorConsole.Web.Telemetry;

/// <summary>Counts each live event on its way to the broadcaster, so Core's publishers stay unaware of metrics.</summary>
public sealed class MeteredLiveEventPublisher(LiveEventBroadcaster broadcaster, ConsoleMetrics metrics) : ILiveEventPublisher
{
    public void Publish(LiveEvent liveEvent)
    {
        broadcaster.Publish(liveEvent);
        metrics.Published(liveEvent);
    }
}
