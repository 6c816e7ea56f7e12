using System.Globalization;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Insights;

/// <summary>The days the insights cover, both included, in UTC.</summary>
public sealed record InsightsRange(DateOnly From, DateOnly To)
{
    public const int DefaultWeeks = 12;
    public const int MaxDays = 731;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant after the last day.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>
    /// The range from "yyyy-MM-dd" texts; a missing end is today, a missing start twelve weeks before it. A text that is
    /// not a date, a start after the end or more than two years is a 400 naming the field.
    /// </summary>
    public static InsightsRange Parse(string? from, string? to, DateTimeOffset now)
    {
        var problems = new List<FieldProblem>();
        var end = Day(to, "to", problems) ?? DateOnly.FromDateTime(now.UtcDateTime);
        var start = Day(from, "from", problems) ?? end.AddDays(-(7 * DefaultWeeks) + 1);
        if (problems.Count == 0 && start > end)
        {
            problems.Add(new FieldProblem("from", "The start is on or before the end."));
        }
        else if (problems.Count == 0 && end.DayNumber - start.DayNumber >= MaxDays)
        {
            problems.Add(new FieldProblem("from", "The range is at most two years."));
        }

        return problems.Count > 0 ? throw DomainValidationException.ForFields(problems) : new InsightsRange(start, end);
    }

    private static DateOnly? Day(string? text, string field, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new FieldProblem(field, "Give a date as yyyy-MM-dd."));
        return null;
    }
}
