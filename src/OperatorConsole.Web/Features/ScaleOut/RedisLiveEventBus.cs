using System.Runtime.CompilerServices;
using System.Text.Json;
using OperatorConsole.Core.Live;
using StackExchange.Redis;

namespace OperatorConsole.Web.Features.ScaleOut;

/// <summary>
/// Several console instances on one store: a change committed here goes to this instance's subscribers at once and,
/// through Redis pub/sub, to every other instance's, where it feeds the same in-process broadcaster the components
/// and the hub read. Messages from one instance arrive in the order it committed them (one channel, handled in
/// order); versions let a client that missed one catch up.
/// </summary>
public sealed class RedisLiveEventBus(LiveEventBroadcaster local, RedisConnection redis, ILogger<RedisLiveEventBus> logger)
    : ILiveEventPublisher, ILiveEventOrigins, IHostedService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Tells this process's messages from other instances' on the shared channel.</summary>
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private readonly ConditionalWeakTable<LiveEvent, object> _relayed = [];
    private ChannelMessageQueue? _queue;

    public void Publish(LiveEvent liveEvent)
    {
        local.Publish(liveEvent);
        var message = JsonSerializer.Serialize(new Envelope(_instance, liveEvent), Json);

        // Never blocks the writer: an instance that misses this catches up from versions when it next reads.
        redis.Multiplexer.GetSubscriber().Publish(redis.LiveEvents, message, CommandFlags.FireAndForget);
    }

    public bool CameFromAnotherInstance(LiveEvent liveEvent) => _relayed.TryGetValue(liveEvent, out _);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _queue = await redis.Multiplexer.GetSubscriber().SubscribeAsync(redis.LiveEvents);
        _queue.OnMessage(Relay);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
        }
    }

    private void Relay(ChannelMessage message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>((string)message.Message!, Json);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed live event on {RedisChannel}", message.Channel);
            return;
        }

        if (envelope?.Event is not { } liveEvent || envelope.Instance == _instance)
        {
            return;
        }

        _relayed.AddOrUpdate(liveEvent, envelope.Instance);
        local.Publish(liveEvent);
    }

    private sealed record Envelope(string Instance, LiveEvent Event);
}
