using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.KillSwitches;

/// <summary>
/// Every switch as it stands, held once in memory for every page, hub call and poll. A change applies the switch its
/// event carries (no store read); the store is read again only when an event carries no switch.
/// </summary>
public sealed class KillSwitchBoard(KillSwitchService switches, ILiveEventSource source, ILogger<KillSwitchBoard> logger) : IDisposable
{
    private readonly SharedSnapshot<KillSwitchSnapshot> _shared =
        new(source, [Topics.KillSwitches], () => switches.Snapshot(), Apply, logger);

    public Versioned<KillSwitchSnapshot> Current => _shared.Current;

    /// <inheritdoc cref="SharedSnapshot{T}.Watch"/>
    public IDisposable Watch(Func<Versioned<KillSwitchSnapshot>, IReadOnlyList<LiveEvent>, Task> onChange, Func<Exception, Task> onError) =>
        _shared.Watch(onChange, onError);

    /// <summary>
    /// <see cref="KillSwitchService.Snapshot"/> answered from memory. The store's version counter (one small read)
    /// says whether memory is current; when a just-committed change has not reached it yet, the store answers, so a
    /// caller never sees less than what is committed.
    /// </summary>
    public KillSwitchSnapshot Snapshot(long? sinceVersion = null)
    {
        var held = Current.Value;
        if (held.Version != switches.CurrentVersion())
        {
            return switches.Snapshot(sinceVersion);
        }

        return sinceVersion is > 0 && sinceVersion <= held.Version
            ? new KillSwitchSnapshot(held.Version, false, [.. held.Switches.Where(s => s.Version > sinceVersion).OrderBy(s => s.Version)])
            : held;
    }

    public void Dispose() => _shared.Dispose();

    /// <summary>The snapshot with each event's switch put in place; null (re-read) if an event carries none.</summary>
    internal static KillSwitchSnapshot? Apply(KillSwitchSnapshot current, IReadOnlyList<LiveEvent> batch)
    {
        var byId = current.Switches.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var version = current.Version;
        foreach (var liveEvent in batch)
        {
            if (liveEvent.StateAs<KillSwitch>() is not { } changed)
            {
                return null;
            }

            // An event older than what is held (it raced the first load) changes nothing.
            if (!byId.TryGetValue(changed.Id, out var held) || held.Version < changed.Version)
            {
                byId[changed.Id] = changed;
            }

            version = Math.Max(version, changed.Version);
        }

        return new KillSwitchSnapshot(version, true, KillSwitch.InListOrder(byId.Values));
    }
}
