using System.Globalization;
using System.Text;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Insights;

/// <summary>Each chart's numbers as CSV (RFC 4180: comma separated, quoted where needed, CRLF line ends).</summary>
public static class InsightsCsv
{
    public static readonly IReadOnlyList<string> Datasets =
        ["incidents-by-severity", "incidents-by-class", "response-times", "alerts-per-rule", "rollback-outcomes", "drills"];

    /// <summary>The dataset named <paramref name="dataset"/>; an unknown name is a 400 on 'dataset'.</summary>
    public static string Write(InsightsReport report, string? dataset)
    {
        var rows = (dataset?.Trim().ToLowerInvariant()) switch
        {
            "incidents-by-severity" => Weekly(report.IncidentsBySeverity),
            "incidents-by-class" => Weekly(report.IncidentsByClass),
            "response-times" => Responses(report),
            "alerts-per-rule" => Named("rule", report.AlertsPerRule),
            "rollback-outcomes" => Named("outcome", report.RollbackOutcomes),
            "drills" => [["rollback", "at", "scope", "passed", "safe_state_minutes", "integrity_minutes"],
                .. report.Drills.Select(d => new[] { d.RollbackId, d.At.ToString("O", CultureInfo.InvariantCulture), d.ScopeId,
                    d.Passed switch { true => "yes", false => "no", null => "" }, Number(d.SafeStateMinutes), Number(d.IntegrityMinutes) })],
            _ => throw DomainValidationException.ForFields([new FieldProblem("dataset", $"Choose a dataset: {string.Join(", ", Datasets)}.")]),
        };
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static List<string[]> Weekly(WeeklyCounts counts) =>
        [["week", .. counts.Series.Select(s => s.Name)],
            .. counts.Weeks.Select((w, i) => new[] { Day(w) }.Concat(counts.Series.Select(s => s.Counts[i].ToString(CultureInfo.InvariantCulture))).ToArray())];

    private static List<string[]> Responses(InsightsReport report) =>
        [["measure", "week", "incidents", "median_minutes", "p90_minutes"],
            .. report.ResponseTimes.SelectMany(m => m.Weeks.Select(w => new[]
                { m.Measure, Day(w.Week), w.Count.ToString(CultureInfo.InvariantCulture), Number(w.MedianMinutes), Number(w.P90Minutes) }))];

    private static List<string[]> Named(string header, IReadOnlyList<NamedCount> counts) =>
        [[header, "count"], .. counts.Select(c => new[] { c.Name, c.Count.ToString(CultureInfo.InvariantCulture) })];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;

    // A cell starting with = + - @ would be a formula in a spreadsheet; a leading quote keeps it text.
    private static string Quote(string cell)
    {
        var safe = cell.Length > 0 && "=+-@".Contains(cell[0]) ? "'" + cell : cell;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
