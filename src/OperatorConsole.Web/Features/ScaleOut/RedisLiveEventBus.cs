using System.Runtime.CompilerServices;
using System.Text.Json;
using OperatorConsole.Core.Live;
using StackExchange.Redis;

namespace OperatorConsole.Web.Features.ScaleOut;

/// <summary>
/// Several console instances on one store: every change committed here is relayed, through Redis pub/sub, to every
/// other instance, where it feeds the same in-process broadcaster its components and hub read. It watches the local
/// broadcaster like any other subscriber, so whoever publishes there (and whatever counts it) is unaware of Redis.
/// Messages from one instance arrive in the order it committed them (one channel, relayed and handled in order);
/// versions let a client that missed one catch up.
/// </summary>
public sealed class RedisLiveEventBus(LiveEventBroadcaster local, RedisConnection redis, ILogger<RedisLiveEventBus> logger)
    : BackgroundService, ILiveEventOrigins
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Tells this process's messages from other instances' on the shared channel.</summary>
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private readonly ConditionalWeakTable<LiveEvent, string> _relayed = [];
    private LiveSubscription? _committedHere;
    private ChannelMessageQueue? _fromOthers;

    public bool CameFromAnotherInstance(LiveEvent liveEvent) => _relayed.TryGetValue(liveEvent, out _);

    /// <summary>
    /// Both subscriptions are made before this instance serves anyone (hosted services start before the server): none
    /// of this instance's changes goes unrelayed, and none another instance commits just after this one came up goes
    /// unheard (Redis pub/sub keeps nothing for a subscriber not yet there).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _committedHere = local.Subscribe(Topics.All);
        _fromOthers = await redis.Multiplexer.GetSubscriber().SubscribeAsync(redis.LiveEvents);
        _fromOthers.OnMessage(Relay);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var liveEvent in _committedHere!.Reader.ReadAllAsync(stoppingToken))
            {
                if (!CameFromAnotherInstance(liveEvent))
                {
                    // Never waits on Redis: an instance that misses this catches up from versions when it next reads.
                    var message = JsonSerializer.Serialize(new Envelope(_instance, liveEvent), Json);
                    await redis.Multiplexer.GetSubscriber().PublishAsync(redis.LiveEvents, message, CommandFlags.FireAndForget);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _committedHere!.Dispose();
            await _fromOthers!.UnsubscribeAsync();
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
