using Microsoft.AspNetCore.SignalR;

namespace OperatorConsole.Web.Telemetry;

/// <summary>Counts connections to the console hub, as a hub filter so the hub itself stays about events.</summary>
public sealed class HubConnectionMetrics(ConsoleMetrics metrics) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        metrics.HubConnected();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            metrics.HubDisconnected();
        }
    }
}
