using OperatorConsole.Core.KillSwitches;

namespace OperatorConsole.Web.Features.KillSwitches;

/// <summary>
/// The kill-switch page's line to its rows and to its version and notice line. A flip changes one row, so the page
/// hands the changed switch to that row alone, then the version and notice to the line in one render, instead of
/// rendering itself, its table and every row again: two small renders per open page per flip.
/// </summary>
public sealed class KillSwitchFeed
{
    private readonly Dictionary<string, Action<KillSwitch>> _rows = new(StringComparer.Ordinal);
    private Action<long, string?>? _line;

    /// <summary>Calls <paramref name="show"/> with each new state of the switch until the result is disposed.</summary>
    public IDisposable Follow(string switchId, Action<KillSwitch> show)
    {
        _rows[switchId] = show;
        return new Unfollow(_rows, switchId, show);
    }

    /// <summary>
    /// Calls <paramref name="show"/> with the switches' version after each change and the notice about it when someone
    /// else made it (null otherwise); lives as long as the page.
    /// </summary>
    public void FollowLine(Action<long, string?> show) => _line = show;

    /// <summary>The line alone, for a change the page renders itself for.</summary>
    public void Tell(long version, string? notice) => _line?.Invoke(version, notice);

    /// <summary>The changed rows first, so the new state goes out before anything said about it; then the line.</summary>
    public void Show(long version, IEnumerable<KillSwitch> changed, string? notice)
    {
        foreach (var s in changed)
        {
            if (_rows.TryGetValue(s.Id, out var show))
            {
                show(s);
            }
        }

        _line?.Invoke(version, notice);
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
