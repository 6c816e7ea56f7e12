using StackExchange.Redis;

namespace OperatorConsole.Web.Features.ScaleOut;

/// <summary>
/// The one Redis connection an instance shares between the live-event bus, the SignalR backplane and the
/// data-protection key ring. It connects in the background and keeps retrying, so a console starts (and serves its
/// own users) while Redis is down.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(string connectionString, string channelPrefix, ILogger<RedisConnection> logger)
    {
        ChannelPrefix = channelPrefix;
        _multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            var multiplexer = ConnectionMultiplexer.Connect(options);

            // The endpoint only: the connection string may carry a password.
            multiplexer.ConnectionFailed += (_, e) =>
                logger.LogWarning("Redis connection to {RedisEndpoint} failed ({FailureType}); live events from other instances wait for it", e.EndPoint, e.FailureType);
            multiplexer.ConnectionRestored += (_, e) => logger.LogInformation("Redis connection to {RedisEndpoint} restored", e.EndPoint);
            return multiplexer;
        });
    }

    /// <summary>Keeps several consoles (or test runs) on one Redis apart.</summary>
    public string ChannelPrefix { get; }

    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public RedisChannel LiveEvents => RedisChannel.Literal($"{ChannelPrefix}:live-events");

    public RedisKey DataProtectionKeys => $"{ChannelPrefix}:data-protection-keys";

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
