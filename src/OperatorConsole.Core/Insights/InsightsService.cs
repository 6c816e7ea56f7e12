using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Insights;

/// <summary>The insights over a date range, read from the stored incidents, alerts and rollbacks (drills included).</summary>
public sealed class InsightsService(ChangeRunner changes)
{
    /// <summary>At most this many alerts are read, newest first; a range reaching further back counts those alone.</summary>
    public const int MaxAlertsRead = 100_000;

    public InsightsRange Range(string? from, string? to) => InsightsRange.Parse(from, to, changes.Now);

    public InsightsReport Report(InsightsRange range) => changes.Store.Read(s => InsightsSeries.Build(
        range,
        s.Incidents.All(),
        s.Alerts.Recent(MaxAlertsRead).SkipWhile(a => a.ReceivedAt >= range.End).TakeWhile(a => a.ReceivedAt >= range.Start),
        s.Rollbacks.List()));
}
