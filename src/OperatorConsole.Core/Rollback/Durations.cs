using System.Globalization;

namespace OperatorConsole.Core.Rollback;

/// <summary>Durations as an operator reads them on a timer: "14:59", "1:02:03", with a minus sign when past.</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : string.Empty;
        var d = span.Duration();
        var whole = TimeSpan.FromSeconds(Math.Floor(d.TotalSeconds));
        return whole.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{(int)whole.TotalHours}:{whole.Minutes:00}:{whole.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{whole.Minutes}:{whole.Seconds:00}");
    }
}
