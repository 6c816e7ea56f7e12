using System.Diagnostics.Metrics;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Web.Telemetry;

/// <summary>
/// The console's own instruments, on the .NET Meter API; OpenTelemetry exports them (Prometheus at /metrics, OTLP when
/// configured). Counts that are state (ledger length, open incidents, active switches) are gauges read from the store
/// at collection time, in <see cref="StoreGauges"/>; this class holds the ones events drive.
/// </summary>
public sealed class ConsoleMetrics
{
    public const string MeterName = "OperatorConsole";

    private readonly TimeProvider _clock;
    private readonly Counter<long> _published;
    private readonly Counter<long> _delivered;
    private readonly Histogram<double> _deliveryLatency;
    private long _circuits;
    private long _hubConnections;
    private readonly Counter<long> _alertDeliveries;
    private readonly Counter<long> _switchFlips;

    public ConsoleMetrics(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(MeterName);
        _published = meter.CreateCounter<long>("operatorconsole.live.events.published", "{event}", "Live events published after a commit.");
        _delivered = meter.CreateCounter<long>("operatorconsole.live.events.delivered", "{event}", "Live events handed to SignalR hub clients.");
        _deliveryLatency = meter.CreateHistogram<double>("operatorconsole.live.delivery.duration", "s",
            "From the commit of a change to its live event being handed to hub clients.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        // Observed rather than added to, so they read 0 from the start instead of appearing with the first connection.
        meter.CreateObservableUpDownCounter("operatorconsole.circuits.open", () => Interlocked.Read(ref _circuits),
            "{circuit}", "Blazor circuits (open console tabs) connected now.");
        meter.CreateObservableUpDownCounter("operatorconsole.hub.connections", () => Interlocked.Read(ref _hubConnections),
            "{connection}", "Connections to the console hub now.");
        _alertDeliveries = meter.CreateCounter<long>("operatorconsole.alerts.deliveries", "{delivery}", "Alert webhook deliveries received, by outcome.");
        _switchFlips = meter.CreateCounter<long>("operatorconsole.killswitches.flips", "{flip}", "Kill switch flips committed.");
    }

    public void Published(LiveEvent liveEvent)
    {
        var family = TopicFamily(liveEvent.Topic);
        _published.Add(1, new KeyValuePair<string, object?>("topic", family));
        if (liveEvent.Kind == KillSwitchEvents.Flipped)
        {
            _switchFlips.Add(1);
        }
    }

    public void Delivered(LiveEvent liveEvent)
    {
        var family = new KeyValuePair<string, object?>("topic", TopicFamily(liveEvent.Topic));
        _delivered.Add(1, family);
        _deliveryLatency.Record(Math.Max(0, (_clock.GetUtcNow() - liveEvent.At).TotalSeconds), family);
    }

    public void CircuitOpened() => Interlocked.Increment(ref _circuits);

    public void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    public void HubConnected() => Interlocked.Increment(ref _hubConnections);

    public void HubDisconnected() => Interlocked.Decrement(ref _hubConnections);

    public void AlertDelivery(string source, string outcome) =>
        _alertDeliveries.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", outcome));

    // "incident:INC-12" → "incident": one series per kind of topic, never one per subject.
    private static string TopicFamily(string topic)
    {
        var colon = topic.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? topic : topic[..colon];
    }
}
