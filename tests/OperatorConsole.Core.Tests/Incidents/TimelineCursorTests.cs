using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Core.Tests.Incidents;

public sealed class TimelineCursorTests
{
    [Fact]
    public void Parse_Key_SameCursorInUtc()
    {
        var cursor = new TimelineCursor(new DateTimeOffset(2026, 12, 1, 5, 30, 0, TimeSpan.FromHours(2)).AddTicks(7), "TL-0001.b");

        var parsed = TimelineCursor.Parse(cursor.Key);

        Assert.Equal(cursor, parsed);
        Assert.Equal(TimeSpan.Zero, parsed!.At.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("123.")]
    [InlineData(".TL-1")]
    [InlineData("-5.TL-1")]
    [InlineData("99999999999999999999.TL-1")]
    public void Parse_NotAKey_Null(string? key) => Assert.Null(TimelineCursor.Parse(key));
}
