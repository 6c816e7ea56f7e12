using Microsoft.AspNetCore.SignalR;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Web.Hubs;

/// <summary>
/// The hub for clients outside the browser UI (services, scripts). A client subscribes to topics and
/// then receives every committed change on them as an "event" message; kill-switch events and "scope.rebound" carry
/// the subject's new state (<see cref="LiveEvent.State"/>), so the client applies it without calling back. Signed-in
/// users and API keys of any role may read. Subscribing to "kill-switches" first sends the caller the switch state
/// with its version ("kill-switches.state", no history); subscribing to "lockdown" first sends the current lockdown
/// state ("lockdown"), which is sent again to that group on every engage and release. Switch state is answered from
/// the shared <see cref="KillSwitchBoard"/>, so a thousand callers cost no store reads of the switches.
/// </summary>
public sealed class ConsoleHub(KillSwitchBoard killSwitches, LockdownService lockdown, ScopeService scopes) : Hub
{
    public const string EventMethod = "event";
    public const string KillSwitchStateMethod = "kill-switches.state";
    public const string LockdownMethod = "lockdown";

    /// <summary>Topics one connection may hold at once, so a client cannot make the server track without bound.</summary>
    public const int MaxSubscriptions = 200;

    public async Task Subscribe(string topic)
    {
        var subscribed = Subscriptions();
        if (Topics.Problem(topic) is { } problem)
        {
            throw new HubException(problem);
        }

        if (!subscribed.Contains(topic) && subscribed.Count >= MaxSubscriptions)
        {
            throw new HubException($"A connection holds at most {MaxSubscriptions} subscriptions; unsubscribe from one first.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        subscribed.Add(topic);

        // Sent after joining the group, so a change between the two arrives as an event and is never lost.
        if (topic == Topics.KillSwitches)
        {
            await Clients.Caller.SendAsync(KillSwitchStateMethod, killSwitches.Snapshot());
        }
        else if (topic == Topics.Lockdown)
        {
            await Clients.Caller.SendAsync(LockdownMethod, LockdownHubState.Of(lockdown.Active()));
        }
    }

    public async Task Unsubscribe(string topic)
    {
        if (Topics.Problem(topic) is { } problem)
        {
            throw new HubException(problem);
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
        Subscriptions().Remove(topic);
    }

    // Invocations of one connection run one at a time (SignalR's default), so the set needs no lock.
    private HashSet<string> Subscriptions()
    {
        if (Context.Items.TryGetValue(nameof(Subscriptions), out var existing) && existing is HashSet<string> set)
        {
            return set;
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        Context.Items[nameof(Subscriptions)] = created;
        return created;
    }

    /// <summary>
    /// Kill-switch state for a (re)connecting client: send 0 for everything, or the highest version seen to get only
    /// the switches changed since (everything when that version is unknown to the store). Subscribe to
    /// "kill-switches" first, then call this, so no change falls between the two. Versions only grow, so a client
    /// that missed events catches up with the version of the last event it applied.
    /// </summary>
    public KillSwitchSnapshot GetKillSwitches(long sinceVersion) => killSwitches.Snapshot(sinceVersion);

    /// <summary>
    /// The active manifest of a scope, for a client that subscribed to "scope:{id}" and wants the state it starts from;
    /// every later rebind arrives as a "scope.rebound" event on that topic.
    /// </summary>
    public ActiveManifest GetActiveManifest(string scope) => scopes.Active(scope);
}

/// <summary>What "lockdown" hub messages carry: whether the console is locked down now, and the lockdown if so.</summary>
public sealed record LockdownHubState(bool Locked, LockdownRecord? Lockdown)
{
    public static LockdownHubState Of(LockdownRecord? active) => new(active is not null, active);
}
