namespace OperatorConsole.Core.Live;

public interface ILiveEventPublisher
{
    /// <summary>Never blocks: a full subscriber loses its oldest queued event, not the writer's time.</summary>
    void Publish(LiveEvent liveEvent);
}

public interface ILiveEventSource
{
    /// <summary>Subscribes to the given topics (<see cref="Topics.All"/> for every topic).</summary>
    LiveSubscription Subscribe(params string[] topics);
}
