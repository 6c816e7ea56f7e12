namespace OperatorConsole.Core.Insights;

/// <summary>
/// The two summaries the insights show. The median of an even count is the mean of the middle two; p90 is the
/// nearest-rank value (the smallest value with at least 90% of the values at or below it), so it is always one measured.
/// </summary>
public static class Percentiles
{
    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double? P90(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(0.9 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
