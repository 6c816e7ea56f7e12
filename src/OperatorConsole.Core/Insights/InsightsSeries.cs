using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Rollback;

namespace OperatorConsole.Core.Insights;

/// <summary>
/// The insights computed from records alone (no store, no clock), so every number can be checked against known inputs.
/// Incidents count in the UTC week (Monday first) they were opened; alerts in the week they were received; rollbacks and
/// drills when they started.
/// </summary>
public static class InsightsSeries
{
    public const string Unrouted = "Unrouted";

    /// <summary>The response measures: the status each waits for, and what the page says it means.</summary>
    public static readonly IReadOnlyList<(string Measure, IncidentStatus Reached, string Definition)> Measures =
    [
        ("Time to acknowledge", IncidentStatus.Acknowledged, "from opening to the first move to Acknowledged or any later status"),
        ("Time to contain", IncidentStatus.Contained, "from opening to the first move to Contained or any later status"),
        ("Time to resolve", IncidentStatus.Resolved, "from opening to the first move to Resolved or Closed"),
    ];

    public static InsightsReport Build(InsightsRange range, IEnumerable<Incident> incidents, IEnumerable<AlertRecord> alerts, IEnumerable<RollbackRun> rollbacks)
    {
        var weeks = Weeks(range);
        var inRange = incidents.Where(i => range.Contains(i.OpenedAt)).ToList();
        var runs = rollbacks.Where(r => range.Contains(r.StartedAt)).ToList();
        return new InsightsReport(
            range,
            Counts(weeks, inRange, i => IncidentCatalog.Label(i.Severity), Enum.GetValues<IncidentSeverity>().Select(IncidentCatalog.Label)),
            Counts(weeks, inRange, i => IncidentCatalog.Info(i.Class).Name, IncidentCatalog.Classes.Select(c => c.Name)),
            [.. Measures.Select(m => Response(weeks, inRange, m.Measure, m.Reached, m.Definition))],
            [.. alerts.Where(a => range.Contains(a.ReceivedAt)).GroupBy(a => a.RuleName ?? Unrouted)
                .Select(g => new NamedCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)],
            Outcomes(runs.Where(r => !r.Drill)),
            [.. runs.Where(r => r.Drill).OrderBy(r => r.StartedAt).Select(Drill)]);
    }

    /// <summary>Time from opening until the incident first reached <paramref name="status"/> or a later one, if it has.</summary>
    public static TimeSpan? TimeToReach(Incident incident, IncidentStatus status) =>
        incident.Transitions.FirstOrDefault(t => t.To >= status) is { } reached ? reached.At - incident.OpenedAt : null;

    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static List<DateOnly> Weeks(InsightsRange range)
    {
        var weeks = new List<DateOnly>();
        for (var week = WeekOf(range.Start); week <= range.To; week = week.AddDays(7))
        {
            weeks.Add(week);
        }

        return weeks;
    }

    private static WeeklyCounts Counts(List<DateOnly> weeks, List<Incident> incidents, Func<Incident, string> name, IEnumerable<string> names) =>
        new(weeks, [.. names.Select(n => new CountSeries(n, [.. weeks.Select(w => incidents.Count(i => name(i) == n && WeekOf(i.OpenedAt) == w))]))]);

    private static ResponseSeries Response(List<DateOnly> weeks, List<Incident> incidents, string measure, IncidentStatus reached, string definition) =>
        new(measure, definition, [.. weeks.Select(w =>
        {
            var minutes = incidents.Where(i => WeekOf(i.OpenedAt) == w).Select(i => TimeToReach(i, reached)).OfType<TimeSpan>().Select(t => t.TotalMinutes).ToList();
            return new ResponseWeek(w, minutes.Count, Percentiles.Median(minutes), Percentiles.P90(minutes));
        })]);

    private static IReadOnlyList<NamedCount> Outcomes(IEnumerable<RollbackRun> runs)
    {
        var list = runs.ToList();
        return
        [
            new("Safe state met", list.Count(r => r.Outcome?.SafeState.Status == TimerStatus.Met)),
            new("Safe state missed", list.Count(r => r.Outcome?.SafeState.Status == TimerStatus.Missed)),
            new("Integrity met", list.Count(r => r.Outcome?.Integrity.Status == TimerStatus.Met)),
            new("Integrity missed", list.Count(r => r.Outcome?.Integrity.Status == TimerStatus.Missed)),
            new("Still running", list.Count(r => r.Status == RollbackStatus.Running)),
        ];
    }

    private static DrillPoint Drill(RollbackRun run) => new(
        run.Id, run.CompletedAt ?? run.StartedAt, run.ScopeId, run.Outcome?.Passed,
        run.SafeStateAt is { } safe ? (safe - run.BadPublishConfirmedAt).TotalMinutes : null,
        run.IntegrityConfirmedAt is { } integrity ? (integrity - run.BadPublishConfirmedAt).TotalMinutes : null);
}
