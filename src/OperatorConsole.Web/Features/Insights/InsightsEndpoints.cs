using System.Text;
using OperatorConsole.Core.Insights;

namespace OperatorConsole.Web.Features.Insights;

/// <summary>
/// The insights for a range (?from=yyyy-MM-dd&amp;to=yyyy-MM-dd, default the last twelve weeks): GET /api/insights is the
/// whole report as JSON, GET /api/insights/csv?dataset=… one chart's numbers as CSV.
/// </summary>
public static class InsightsEndpoints
{
    public static RouteGroupBuilder MapInsightsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/insights").WithTags("Insights");

        group.MapGet("", (InsightsService insights, string? from, string? to) => insights.Report(insights.Range(from, to)))
            .WithSummary("Incidents, response times, alerts, rollback timers and drills over a date range");

        group.MapGet("/csv", (InsightsService insights, string? dataset, string? from, string? to) =>
        {
            var range = insights.Range(from, to);
            var csv = InsightsCsv.Write(insights.Report(range), dataset);
            return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"insights-{dataset}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
        }).WithSummary("One insights dataset as CSV");

        return group;
    }
}
