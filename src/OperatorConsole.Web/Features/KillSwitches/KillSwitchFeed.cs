using OperatorConsole.Core.KillSwitches;

namespace OperatorConsole.Web.Features.KillSwitches;

/// <summary>
/// The kill-switch page's line to its rows. A flip changes one row, so the page hands the changed switch to that row
/// alone instead of rendering itself, its table and every row again: one small render per open page per flip.
/// </summary>
public sealed class KillSwitchFeed
{
    private readonly Dictionary<string, Action<KillSwitch>> _rows = new(StringComparer.Ordinal);
    private Action<long>? _version;
    private Action<string>? _notice;

    /// <summary>Calls <paramref name="show"/> with each new state of the switch until the result is disposed.</summary>
    public IDisposable Follow(string switchId, Action<KillSwitch> show)
    {
        _rows[switchId] = show;
        return new Unfollow(_rows, switchId, show);
    }

    /// <summary>Calls <paramref name="show"/> with the switches' version after each change; lives as long as the page.</summary>
    public void FollowVersion(Action<long> show) => _version = show;

    /// <summary>Calls <paramref name="show"/> with each notice about other people's changes; lives as long as the page.</summary>
    public void FollowNotice(Action<string> show) => _notice = show;

    public void Tell(string notice) => _notice?.Invoke(notice);

    public void Show(long version, IEnumerable<KillSwitch> changed)
    {
        _version?.Invoke(version);
        foreach (var s in changed)
        {
            if (_rows.TryGetValue(s.Id, out var show))
            {
                show(s);
            }
        }
    }

    private sealed class Unfollow(Dictionary<string, Action<KillSwitch>> rows, string switchId, Action<KillSwitch> show) : IDisposable
    {
        // A row that replaced this one (same switch, rendered again) keeps its place.
        public void Dispose()
        {
            if (rows.TryGetValue(switchId, out var current) && current == show)
            {
                rows.Remove(switchId);
            }
        }
    }
}
