using Bunit;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Insights;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Web.Features.Insights;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Insights;

public sealed class InsightsChartsTests : BunitTestContext
{
    private static readonly InsightsRange TwelveWeeks = new(new DateOnly(2026, 9, 7), new DateOnly(2026, 11, 29));

    [Fact]
    public void Render_EmptyReport_EveryChartShowsItsEmptyState()
    {
        var report = InsightsSeries.Build(TwelveWeeks, [], [], Array.Empty<RollbackRun>());

        var cut = Render<InsightsCharts>(p => p.Add(c => c.Report, report));

        Assert.Empty(cut.FindAll("[data-testid=chart-figure]"));
        Assert.Equal(8, cut.FindAll(".oc-empty").Count);
        Assert.Contains("No incident was opened in this range.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BusyReport_DrawsEveryIncidentAndAlertChartWithLegends()
    {
        var report = InsightsSeries.Build(TwelveWeeks, Incidents(120), Alerts(300), Array.Empty<RollbackRun>());

        var cut = Render<InsightsCharts>(p => p.Add(c => c.Report, report));

        var severity = cut.Find("[data-testid=chart-incidents-by-severity]");
        Assert.NotNull(severity.QuerySelector("svg"));
        Assert.Contains("SEV-1", severity.TextContent, StringComparison.Ordinal);
        Assert.Contains("SEV-3", severity.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=chart-incidents-by-class]").QuerySelector("svg"));
        Assert.Equal(3, cut.FindAll("[data-testid=chart-response-times] [data-testid=chart-figure]").Count);
        Assert.Contains("rule-3", cut.Find("[data-testid=chart-alerts-per-rule]").TextContent, StringComparison.Ordinal);
        Assert.Contains("No rollback was started", cut.Find("[data-testid=chart-rollback-outcomes]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnyReport_LinksEachChartToItsCsvForTheRange()
    {
        var report = InsightsSeries.Build(TwelveWeeks, Incidents(5), [], Array.Empty<RollbackRun>());

        var cut = Render<InsightsCharts>(p => p.Add(c => c.Report, report));

        var hrefs = cut.FindAll("a[href^='/api/insights/csv']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/api/insights/csv?dataset=incidents-by-severity&from=2026-09-07&to=2026-11-29", hrefs);
        Assert.Contains("/api/insights/csv?dataset=drills&from=2026-09-07&to=2026-11-29", hrefs);
    }

    // Spread over the range, every severity and class, each acknowledged, contained and resolved after a few minutes.
    private static IEnumerable<Incident> Incidents(int count) => Enumerable.Range(0, count).Select(i =>
    {
        var opened = TwelveWeeks.Start.AddHours(i * 16);
        return new Incident
        {
            Id = $"i{i}",
            Title = $"Incident {i}",
            Class = (IncidentClass)(i % 7),
            Severity = (IncidentSeverity)(i % 3 + 1),
            OpenedBy = "Omar",
            OpenedAt = opened,
            Transitions =
            [
                new StatusChange(IncidentStatus.Detected, IncidentStatus.Acknowledged, opened.AddMinutes(i % 9 + 1), "Omar", null),
                new StatusChange(IncidentStatus.Acknowledged, IncidentStatus.Contained, opened.AddMinutes(i % 13 + 20), "Omar", null),
                new StatusChange(IncidentStatus.Contained, IncidentStatus.Resolved, opened.AddMinutes(i % 17 + 90), "Omar", null),
            ],
        };
    });

    private static IEnumerable<AlertRecord> Alerts(int count) => Enumerable.Range(0, count).Select(i => new AlertRecord
    {
        Id = $"a{i}",
        Source = "alertmanager",
        Fingerprint = $"f{i}",
        Status = "firing",
        Labels = new Dictionary<string, string> { ["alertname"] = "x" },
        StartsAt = TwelveWeeks.Start.AddHours(i * 6),
        ReceivedAt = TwelveWeeks.Start.AddHours(i * 6),
        RuleId = i % 5 == 0 ? null : $"rule-{i % 4}",
        RuleName = i % 5 == 0 ? null : $"rule-{i % 4}",
    });
}
