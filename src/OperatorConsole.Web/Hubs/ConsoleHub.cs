using Microsoft.AspNetCore.SignalR;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Web.Hubs;

/// <summary>
/// The hub for clients outside the browser UI (services, scripts). A client subscribes to topics and
/// then receives every committed change on them as an "event" message. Signed-in users and API keys
/// of any role may read.
/// </summary>
public sealed class ConsoleHub(KillSwitchService killSwitches) : Hub
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

    /// <summary>
    /// Kill-switch state for a (re)connecting client: send 0 for everything, or the highest version seen to get only
    /// the switches changed since (everything when that version is unknown to the store). Subscribe to
    /// "kill-switches" first, then call this, so no change falls between the two.
    /// </summary>
    public KillSwitchSnapshot GetKillSwitches(long sinceVersion) => killSwitches.Snapshot(sinceVersion);
}
