using System.Globalization;

namespace OperatorConsole.Web.Components.Shared;

/// <summary>How an instant reads in a person's zone: "2026-11-30 09:14" locally, the exact UTC instant beside it.</summary>
public static class LocalTime
{
    public static string Short(DateTimeOffset at, TimeZoneInfo? zone)
    {
        const string format = "yyyy-MM-dd HH:mm";
        return zone is null || zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime
            ? at.UtcDateTime.ToString(format, CultureInfo.InvariantCulture) + " UTC"
            : TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.InvariantCulture);
    }

    public static string Exact(DateTimeOffset at, TimeZoneInfo? zone)
    {
        var utc = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);
        if (zone is null)
        {
            return utc;
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{utc} · {local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {zone.Id} (UTC{local:zzz})";
    }
}
