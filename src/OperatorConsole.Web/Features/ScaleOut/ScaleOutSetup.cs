using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using OperatorConsole.Core.Live;
using StackExchange.Redis;

namespace OperatorConsole.Web.Features.ScaleOut;

/// <summary>
/// <c>ConnectionStrings:Redis</c> turns on what several instances behind one load balancer share: live events, the
/// SignalR backplane for hub groups, and the data-protection key ring (so a sign-in cookie issued by one instance is
/// read by another). Without it the console is one instance and none of this is registered.
/// </summary>
public static class ScaleOutSetup
{
    public const string ConnectionStringName = "Redis";
    public const string ChannelPrefixSetting = "ScaleOut:ChannelPrefix";
    public const string DefaultChannelPrefix = "operatorconsole";

    /// <summary>One name on every instance: data protection isolates key rings by application name.</summary>
    public const string ApplicationName = "OperatorConsole";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton<ILiveEventOrigins, SingleInstanceOrigins>();
            return services;
        }

        var prefix = configuration[ChannelPrefixSetting] is { Length: > 0 } configured ? configured : DefaultChannelPrefix;
        services.AddSingleton(sp => new RedisConnection(connectionString, prefix, sp.GetRequiredService<ILogger<RedisConnection>>()));
        services.AddSingleton<RedisLiveEventBus>();
        services.AddSingleton<ILiveEventOrigins>(sp => sp.GetRequiredService<RedisLiveEventBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisLiveEventBus>());

        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<RedisConnection>((o, redis) =>
        {
            o.Configuration.ChannelPrefix = RedisChannel.Literal($"{redis.ChannelPrefix}:signalr");
            o.ConnectionFactory = _ => Task.FromResult<IConnectionMultiplexer>(redis.Multiplexer);
        });

        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((o, redis) =>
            o.XmlRepository = new RedisXmlRepository(() => redis.Multiplexer.GetDatabase(), redis.DataProtectionKeys));
        return services;
    }
}
