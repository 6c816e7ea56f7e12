using OperatorConsole.Core.Rollback;

namespace OperatorConsole.Core.Tests.Rollback;

public sealed class RollbackTimersTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    [Theory]
    [InlineData(0, TimerStatus.Running)]
    [InlineData(11.9, TimerStatus.Running)]
    [InlineData(12, TimerStatus.Amber)]
    [InlineData(15, TimerStatus.Amber)]
    [InlineData(15.5, TimerStatus.Red)]
    public void Evaluate_Open_StatusByElapsedTime(double minutes, TimerStatus expected)
    {
        var state = RollbackTimers.Evaluate("safe", Start, Limit, null, Start.AddMinutes(minutes), 0.2);

        Assert.Equal(expected, state.Status);
        Assert.Equal(Limit - TimeSpan.FromMinutes(minutes), state.Remaining);
    }

    [Fact]
    public void Evaluate_OpenPastLimit_RedWithOverrun()
    {
        var state = RollbackTimers.Evaluate("safe", Start, Limit, null, Start.AddMinutes(18), 0.2);

        Assert.Equal((TimerStatus.Red, TimeSpan.FromMinutes(3)), (state.Status, state.MissedBy));
    }

    [Fact]
    public void Evaluate_DoneWithinLimit_MetNoMatterTheClock()
    {
        var state = RollbackTimers.Evaluate("safe", Start, Limit, Start.AddMinutes(15), Start.AddHours(5), 0.2);

        Assert.Equal((TimerStatus.Met, TimeSpan.FromMinutes(15), (TimeSpan?)null), (state.Status, state.Elapsed, state.MissedBy));
    }

    [Fact]
    public void Evaluate_DoneLate_MissedByHowMuch()
    {
        var state = RollbackTimers.Evaluate("safe", Start, Limit, Start.AddMinutes(21).AddSeconds(30), Start.AddHours(1), 0.2);

        Assert.Equal((TimerStatus.Missed, TimeSpan.FromSeconds(6 * 60 + 30)), (state.Status, state.MissedBy));
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(754.9, "12:34")]
    [InlineData(3723, "1:02:03")]
    [InlineData(-90, "-1:30")]
    public void Format_Seconds_ReadsLikeATimer(double seconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));
    }
}
