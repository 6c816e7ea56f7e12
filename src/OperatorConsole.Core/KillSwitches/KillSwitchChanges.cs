namespace OperatorConsole.Core.KillSwitches;

/// <summary>What a list view must redraw when the switches move from one snapshot to the next.</summary>
public static class KillSwitchChanges
{
    /// <summary>
    /// The switches of <paramref name="after"/> that differ from <paramref name="before"/>, when both list the same
    /// switches in the same order (a flip, an edit, a drill): only their rows need drawing again. Null when the list
    /// itself changed (a switch was added), so the whole list is drawn again.
    /// </summary>
    public static IReadOnlyList<KillSwitch>? Between(KillSwitchSnapshot before, KillSwitchSnapshot after)
    {
        if (before.Switches.Count != after.Switches.Count)
        {
            return null;
        }

        var changed = new List<KillSwitch>();
        for (var i = 0; i < after.Switches.Count; i++)
        {
            var (was, now) = (before.Switches[i], after.Switches[i]);
            if (was.Id != now.Id)
            {
                return null;
            }

            if (!Equals(was, now))
            {
                changed.Add(now);
            }
        }

        return changed;
    }
}
