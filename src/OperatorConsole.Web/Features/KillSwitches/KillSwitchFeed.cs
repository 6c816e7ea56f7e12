using OperatorConsole.Core.KillSwitches;

namespace OperatorConsole.Web.Features.KillSwitches;

/// <summary>
/// The kill-switch page's line to its rows and to its version and notice line. A flip changes one row, so the page
/// hands the changed switch to that row alone instead of rendering itself, its table and every row again. The row and
/// the line go out in one render batch: one small batch, one frame in each open browser per flip.
/// </summary>
/// <remarks>
/// Blazor sends a render batch as soon as a StateHasChanged made outside a render has rendered, even when the next one
/// follows in the same dispatcher work item: the row's and the line's renders went out as two batches. A StateHasChanged
/// made while a batch renders joins that batch, so the line renders first and wakes the rest while it renders.
/// </remarks>
public sealed class KillSwitchFeed
{
    private readonly Dictionary<string, Action<KillSwitch>> _rows = new(StringComparer.Ordinal);
    private Action<long, string?, Action>? _line;

    /// <summary>Calls <paramref name="show"/> with each new state of the switch until the result is disposed.</summary>
    public IDisposable Follow(string switchId, Action<KillSwitch> show)
    {
        _rows[switchId] = show;
        return new Unfollow(_rows, switchId, show);
    }

    /// <summary>
    /// Calls <paramref name="show"/> with the switches' version after each change, the notice about it when someone
    /// else made it (null otherwise), and what to run while the line renders; lives as long as the page.
    /// </summary>
    public void FollowLine(Action<long, string?, Action> show) => _line = show;

    /// <summary>The line, and in the same render batch <paramref name="alongside"/> (e.g. the page rendering itself).</summary>
    public void Tell(long version, string? notice, Action alongside)
    {
        if (_line is null)
        {
            alongside();
            return;
        }

        _line(version, notice, alongside);
    }

    /// <summary>The line and the changed rows, in one render batch.</summary>
    public void Show(long version, IEnumerable<KillSwitch> changed, string? notice) => Tell(version, notice, () =>
    {
        foreach (var s in changed)
        {
            if (_rows.TryGetValue(s.Id, out var show))
            {
                show(s);
            }
        }
    });

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
