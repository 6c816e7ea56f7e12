using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Outbound;

namespace OperatorConsole.Core.Notifications;

public static class NotificationsSetup
{
    /// <summary>
    /// The webhook services and their HTTP client: through the outbound policy, and without the client factory's request
    /// logging, which would write the URL (a secret) into the log.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<NotificationWatch>();
        services.AddSingleton<WebhookService>();
        services.AddHttpClient(NotificationOutbox.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundHttp.Handler(sp.GetRequiredService<OutboundPolicy>()))
            .RemoveAllLoggers();
        return services;
    }
}
