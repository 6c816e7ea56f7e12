using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.Tests.Runs;

public sealed class ProbeJudgeTests
{
    private const string Body = """{"survival_rate":0.95,"metrics":{"p99_ms":42}}""";

    [Fact]
    public void Judge_StatusDiffers_FailsNamingBothStatuses()
    {
        var (passed, summary) = ProbeRunner.Judge(Spec(), 503, "");

        Assert.False(passed);
        Assert.Equal("status 503, expected 200", summary);
    }

    [Fact]
    public void Judge_StatusMatchesWithoutAssertion_Passes()
    {
        var (passed, summary) = ProbeRunner.Judge(Spec(), 200, "not json at all");

        Assert.True(passed);
        Assert.Equal("status 200", summary);
    }

    [Fact]
    public void Judge_StatusDiffersEvenWhenThresholdHolds_Fails()
    {
        var (passed, _) = ProbeRunner.Judge(Spec("$.survival_rate", ">", 0.9), 500, Body);

        Assert.False(passed);
    }

    [Theory]
    [InlineData(">", 0.9, true)]
    [InlineData(">", 0.95, false)]
    [InlineData(">=", 0.95, true)]
    [InlineData(">=", 0.96, false)]
    [InlineData("<", 0.96, true)]
    [InlineData("<", 0.95, false)]
    [InlineData("<=", 0.95, true)]
    [InlineData("<=", 0.94, false)]
    [InlineData("==", 0.95, true)]
    [InlineData("==", 0.9, false)]
    [InlineData("!=", 0.9, true)]
    [InlineData("!=", 0.95, false)]
    public void Judge_Threshold_PassesOnlyWhenComparisonHolds(string op, double threshold, bool expected)
    {
        var (passed, _) = ProbeRunner.Judge(Spec("$.survival_rate", op, threshold), 200, Body);

        Assert.Equal(expected, passed);
    }

    [Fact]
    public void Judge_NestedPath_ReadsNestedNumber()
    {
        var (passed, summary) = ProbeRunner.Judge(Spec("$.metrics.p99_ms", "<", 50), 200, Body);

        Assert.True(passed);
        Assert.Equal("status 200, $.metrics.p99_ms = 42 (meets < 50)", summary);
    }

    [Fact]
    public void Judge_ThresholdFails_SummarySaysFails()
    {
        var (_, summary) = ProbeRunner.Judge(Spec("$.metrics.p99_ms", "<", 10), 200, Body);

        Assert.Equal("status 200, $.metrics.p99_ms = 42 (fails < 10)", summary);
    }

    [Theory]
    [InlineData("$.missing")]
    [InlineData("$.metrics.missing")]
    [InlineData("$.survival_rate.deeper")]
    public void Judge_PathMissing_Fails(string path)
    {
        var (passed, summary) = ProbeRunner.Judge(Spec(path, ">", 0), 200, Body);

        Assert.False(passed);
        Assert.Contains("is not a number", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ValueIsNotANumber_Fails()
    {
        var (passed, _) = ProbeRunner.Judge(Spec("$.status", "==", 1), 200, """{"status":"1"}""");

        Assert.False(passed);
    }

    [Theory]
    [InlineData("<html>oops</html>")]
    [InlineData("")]
    [InlineData("{\"survival_rate\":")]
    public void Judge_BodyIsNotJson_FailsWithoutThrowing(string body)
    {
        var (passed, summary) = ProbeRunner.Judge(Spec("$.survival_rate", ">", 0.9), 200, body);

        Assert.False(passed);
        Assert.Contains("is not a number", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_UnknownOperator_Fails()
    {
        var (passed, _) = ProbeRunner.Judge(Spec("$.survival_rate", "~=", 0.95), 200, Body);

        Assert.False(passed);
    }

    private static ProbeSpec Spec(string? path = null, string? op = null, double? threshold = null) =>
        new("GET", "/health/ready", 200, path, op, threshold, null, 5000);
}
