namespace OperatorConsole.Core.Insights;

/// <summary>Counts per week for named series (e.g. SEV-1, SEV-2, SEV-3); <see cref="Weeks"/> are the Mondays, in order.</summary>
public sealed record WeeklyCounts(IReadOnlyList<DateOnly> Weeks, IReadOnlyList<CountSeries> Series)
{
    public bool IsEmpty => Series.All(s => s.Counts.All(c => c == 0));
}

public sealed record CountSeries(string Name, IReadOnlyList<int> Counts);

/// <summary>One response measure per week: how many incidents reached it, and the median and p90 in minutes (null without any).</summary>
public sealed record ResponseWeek(DateOnly Week, int Count, double? MedianMinutes, double? P90Minutes);

/// <summary>A response measure ("acknowledge", "contain", "resolve") over the weeks, and its definition as the page states it.</summary>
public sealed record ResponseSeries(string Measure, string Definition, IReadOnlyList<ResponseWeek> Weeks)
{
    public bool IsEmpty => Weeks.All(w => w.Count == 0);
}

public sealed record NamedCount(string Name, int Count);

/// <summary>One drill: when it finished (or started, while running), where, whether it passed, and each timer's minutes.</summary>
public sealed record DrillPoint(string RollbackId, DateTimeOffset At, string ScopeId, bool? Passed, double? SafeStateMinutes, double? IntegrityMinutes);

public sealed record InsightsReport(
    InsightsRange Range,
    WeeklyCounts IncidentsBySeverity,
    WeeklyCounts IncidentsByClass,
    IReadOnlyList<ResponseSeries> ResponseTimes,
    IReadOnlyList<NamedCount> AlertsPerRule,
    IReadOnlyList<NamedCount> RollbackOutcomes,
    IReadOnlyList<DrillPoint> Drills);
