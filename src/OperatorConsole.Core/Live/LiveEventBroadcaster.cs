using System.Collections.Immutable;

namespace OperatorConsole.Core.Live;

/// <summary>
/// In-process fan-out of committed changes. Each subscriber has its own bounded queue, so a slow
/// one drops its own oldest events and never blocks a write or another subscriber. For several
/// console instances this is the piece that moves behind the SignalR Redis backplane.
/// </summary>
public sealed class LiveEventBroadcaster : ILiveEventPublisher, ILiveEventSource
{
    public const int SubscriberCapacity = 1024;

    private ImmutableList<LiveSubscription> _subscribers = [];

    public int SubscriberCount => _subscribers.Count;

    public LiveSubscription Subscribe(params string[] topics)
    {
        if (topics.Length == 0)
        {
            throw new ArgumentException("Name at least one topic.", nameof(topics));
        }

        var subscription = new LiveSubscription(topics.ToHashSet(StringComparer.Ordinal), SubscriberCapacity, Detach);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscription));
        return subscription;
    }

    public void Publish(LiveEvent liveEvent)
    {
        foreach (var subscriber in _subscribers)
        {
            if (subscriber.Wants(liveEvent.Topic))
            {
                subscriber.Offer(liveEvent);
            }
        }
    }

    private void Detach(LiveSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscription));
}
