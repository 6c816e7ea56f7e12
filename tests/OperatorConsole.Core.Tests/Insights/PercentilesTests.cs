using OperatorConsole.Core.Insights;

namespace OperatorConsole.Core.Tests.Insights;

public sealed class PercentilesTests
{
    [Theory]
    [InlineData(new double[] { 7 }, 7)]
    [InlineData(new double[] { 9, 1, 5 }, 5)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median_KnownValues_MiddleOrMeanOfMiddleTwo(double[] values, double expected) =>
        Assert.Equal(expected, Percentiles.Median(values));

    [Theory]
    [InlineData(new double[] { 7 }, 7)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 9)]
    [InlineData(new double[] { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 100 }, 10)]
    [InlineData(new double[] { 5, 1, 3 }, 5)]
    public void P90_KnownValues_NearestRank(double[] values, double expected) =>
        Assert.Equal(expected, Percentiles.P90(values));

    [Fact]
    public void MedianAndP90_NoValues_Null() =>
        Assert.Equal((null, null), (Percentiles.Median([]), Percentiles.P90([])));
}
