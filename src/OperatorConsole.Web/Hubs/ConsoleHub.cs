using Microsoft.AspNetCore.SignalR;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Web.Hubs;

/// <summary>
/// The hub for clients outside the browser UI (services, scripts). A client subscribes to topics and
/// then receives every committed change on them as an "event" message. Signed-in users and API keys
/// of any role may read.
/// </summary>
public sealed class ConsoleHub : Hub
{
    public const string EventMethod = "event";

    public async Task Subscribe(string topic)
    {
        if (string.IsNullOrWhiteSpace(topic) || !Topics.IsKnown(topic))
        {
            throw new HubException($"Unknown topic '{topic}'.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
    }

    public Task Unsubscribe(string topic) => Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
}
