using System.Globalization;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Features.Audit;

/// <summary>
/// Reads a from/to pair typed by a person or sent in a query string. Parsing here, rather than by
/// model binding, lets a bad value become the same 400 problem+json (or inline error) as a bad range.
/// </summary>
public static class UtcRangeInput
{
    public const string DisplayFormat = "yyyy-MM-dd HH:mm";

    /// <summary>Missing ends default to the last <see cref="DailyHealthCheck.Window"/> up to now.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Parse(string? from, string? to, DateTimeOffset now)
    {
        var end = ParseOne(to, "to") ?? now;
        var start = ParseOne(from, "from") ?? end - DailyHealthCheck.Window;
        return (start, end);
    }

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(DisplayFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseOne(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // A time without an offset is taken as UTC, which is what the console shows everywhere.
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        throw new DomainValidationException($"'{name}' is not a time; write it as {DisplayFormat} (UTC) or ISO 8601, e.g. 2026-03-01T08:00:00Z.");
    }
}
