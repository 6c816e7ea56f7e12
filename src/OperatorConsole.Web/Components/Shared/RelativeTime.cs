namespace OperatorConsole.Web.Components.Shared;

public static class RelativeTime
{
    public static string Describe(DateTimeOffset at, DateTimeOffset now)
    {
        var delta = now - at;
        var future = delta < TimeSpan.Zero;
        delta = delta.Duration();
        var text = delta.TotalSeconds < 45 ? "just now"
            : delta.TotalMinutes < 60 ? $"{(int)Math.Round(delta.TotalMinutes)} min"
            : delta.TotalHours < 24 ? $"{(int)delta.TotalHours} h"
            : $"{(int)delta.TotalDays} d";
        return text == "just now" ? text : future ? $"in {text}" : $"{text} ago";
    }
}
