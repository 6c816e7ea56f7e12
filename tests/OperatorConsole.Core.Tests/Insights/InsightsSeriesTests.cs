using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Insights;
using OperatorConsole.Core.Rollback;

namespace OperatorConsole.Core.Tests.Insights;

public sealed class InsightsSeriesTests
{
    // Monday 2026-11-02 to Sunday 2026-11-15: two whole weeks.
    private static readonly InsightsRange TwoWeeks = new(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 15));
    private static readonly DateTimeOffset Week1 = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Week2 = new(2026, 11, 10, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_IncidentsInTwoWeeks_CountedPerWeekBySeverityAndClass()
    {
        var report = Build([
            Opened("a", Week1, IncidentSeverity.Sev1, IncidentClass.BadPublish),
            Opened("b", Week1, IncidentSeverity.Sev2, IncidentClass.BadPublish),
            Opened("c", Week2, IncidentSeverity.Sev1, IncidentClass.SourceOutage),
            Opened("outside", Week1.AddDays(-30), IncidentSeverity.Sev1, IncidentClass.BadPublish)]);

        Assert.Equal([new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9)], report.IncidentsBySeverity.Weeks);
        Assert.Equal([1, 1], Series(report.IncidentsBySeverity, "SEV-1"));
        Assert.Equal([1, 0], Series(report.IncidentsBySeverity, "SEV-2"));
        Assert.Equal([2, 0], Series(report.IncidentsByClass, IncidentCatalog.Info(IncidentClass.BadPublish).Name));
        Assert.Equal([0, 1], Series(report.IncidentsByClass, IncidentCatalog.Info(IncidentClass.SourceOutage).Name));
    }

    [Fact]
    public void Build_AcknowledgedAfterKnownMinutes_MedianAndP90PerWeek()
    {
        var minutes = new[] { 4, 10, 1, 7, 30 };
        var report = Build([.. minutes.Select((m, i) => Opened($"i{i}", Week1, IncidentSeverity.Sev2, IncidentClass.Other)
            with { Transitions = [new StatusChange(IncidentStatus.Detected, IncidentStatus.Acknowledged, Week1.AddMinutes(m), "Omar", null)] })]);

        var acknowledge = report.ResponseTimes.Single(r => r.Measure == "Time to acknowledge");
        Assert.Equal(new ResponseWeek(new DateOnly(2026, 11, 2), 5, 7, 30), acknowledge.Weeks[0]);
        Assert.Equal(new ResponseWeek(new DateOnly(2026, 11, 9), 0, null, null), acknowledge.Weeks[1]);
        Assert.True(report.ResponseTimes.Single(r => r.Measure == "Time to resolve").IsEmpty);
    }

    [Fact]
    public void TimeToReach_StatusSkipped_CountsTheFirstMovePastIt()
    {
        var incident = Opened("x", Week1, IncidentSeverity.Sev1, IncidentClass.Other) with
        {
            Transitions = [new StatusChange(IncidentStatus.Detected, IncidentStatus.Mitigated, Week1.AddMinutes(12), "Omar", null)],
        };

        Assert.Equal(TimeSpan.FromMinutes(12), InsightsSeries.TimeToReach(incident, IncidentStatus.Contained));
        Assert.Null(InsightsSeries.TimeToReach(incident, IncidentStatus.Resolved));
    }

    [Fact]
    public void Build_Alerts_CountedPerRuleWithUnroutedApart()
    {
        var report = InsightsSeries.Build(TwoWeeks, [], [Alert("1", "Stale packs"), Alert("2", "Stale packs"), Alert("3", null), Alert("4", "Publish failed")], []);

        Assert.Equal([new NamedCount("Stale packs", 2), new NamedCount("Publish failed", 1), new NamedCount(InsightsSeries.Unrouted, 1)], report.AlertsPerRule);
    }

    [Fact]
    public void Build_NoRecords_EveryDatasetEmpty()
    {
        var report = Build([]);

        Assert.True(report.IncidentsBySeverity.IsEmpty && report.IncidentsByClass.IsEmpty);
        Assert.All(report.ResponseTimes, r => Assert.True(r.IsEmpty));
        Assert.Empty(report.AlertsPerRule);
        Assert.All(report.RollbackOutcomes, o => Assert.Equal(0, o.Count));
        Assert.Empty(report.Drills);
    }

    [Fact]
    public void Csv_IncidentsBySeverity_HeaderThenOneRowPerWeek()
    {
        var report = Build([Opened("a", Week2, IncidentSeverity.Sev3, IncidentClass.Other)]);

        var csv = InsightsCsv.Write(report, "incidents-by-severity");

        Assert.Equal("week,SEV-1,SEV-2,SEV-3\r\n2026-11-02,0,0,0\r\n2026-11-09,0,0,1\r\n", csv);
    }

    private static InsightsReport Build(IEnumerable<Incident> incidents) => InsightsSeries.Build(TwoWeeks, incidents, [], Array.Empty<RollbackRun>());

    private static IReadOnlyList<int> Series(WeeklyCounts counts, string name) => counts.Series.Single(s => s.Name == name).Counts;

    private static Incident Opened(string id, DateTimeOffset at, IncidentSeverity severity, IncidentClass incidentClass) => new()
    {
        Id = id,
        Title = $"Incident {id}",
        Class = incidentClass,
        Severity = severity,
        OpenedBy = "Omar",
        OpenedAt = at,
    };

    private static AlertRecord Alert(string id, string? rule) => new()
    {
        Id = id,
        Source = "alertmanager",
        Fingerprint = id,
        Status = "firing",
        Labels = new Dictionary<string, string> { ["alertname"] = "x" },
        StartsAt = Week1,
        ReceivedAt = Week1,
        RuleId = rule,
        RuleName = rule,
    };
}
