namespace OperatorConsole.Core.Live;

/// <summary>
/// Tells a change committed by this console instance from one relayed from another instance sharing the store.
/// The hub forwards only this instance's own changes: the SignalR backplane already carries them to the hub
/// clients of every other instance, so forwarding relayed ones too would deliver them twice.
/// </summary>
public interface ILiveEventOrigins
{
    bool CameFromAnotherInstance(LiveEvent liveEvent);
}

/// <summary>One console instance: every change is its own.</summary>
public sealed class SingleInstanceOrigins : ILiveEventOrigins
{
    public bool CameFromAnotherInstance(LiveEvent liveEvent) => false;
}
