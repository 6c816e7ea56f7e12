using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Shared;

public sealed class TimestampTests : BunitTestContext
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Opened.AddMinutes(3));

    public TimestampTests() => Services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public void Render_BrowserHasNotToldItsZone_ShowsUtc()
    {
        JSInterop.SetupModule("./js/time.js").Setup<string?>("timeZone");

        var cut = Render<Timestamp>(p => p.Add(t => t.At, Opened));

        Assert.Equal("2026-11-30 09:15 UTC (3 min ago)", cut.Find("time").TextContent);
    }

    [Fact]
    public void Render_BrowserInTokyo_ShowsTokyoTimeWithTheUtcInstantInTheTitle()
    {
        JSInterop.SetupModule("./js/time.js").Setup<string?>("timeZone").SetResult("Asia/Tokyo");

        var cut = Render<Timestamp>(p => p.Add(t => t.At, Opened));

        cut.WaitForAssertion(() => Assert.Equal("2026-11-30 18:15 (3 min ago)", cut.Find("time").TextContent));
        Assert.StartsWith("2026-11-30 09:15:00.000 UTC · 2026-11-30 18:15:00 Asia/Tokyo (UTC+09:00)", cut.Find("time").GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void ClockTicks_RelativeTimeMovesOnWithoutAReload()
    {
        JSInterop.SetupModule("./js/time.js").Setup<string?>("timeZone");
        var cut = Render<Timestamp>(p => p.Add(t => t.At, Opened));

        _clock.Advance(TimeSpan.FromMinutes(5));

        cut.WaitForAssertion(() => Assert.Contains("(8 min ago)", cut.Find("time").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void ClockTicks_RelativeTimeUnchanged_DoesNotRender()
    {
        JSInterop.SetupModule("./js/time.js").Setup<string?>("timeZone");
        // 2 min 50 s ago: "3 min" now and one tick later (3 min 20 s), "4 min" the tick after (3 min 50 s).
        var cut = Render<Timestamp>(p => p.Add(t => t.At, Opened.AddSeconds(10)));
        var renders = cut.RenderCount;

        _clock.Advance(BrowserClock.TickInterval);

        Assert.Contains("(3 min ago)", cut.Find("time").TextContent, StringComparison.Ordinal);
        Assert.Equal(renders, cut.RenderCount);
        _clock.Advance(BrowserClock.TickInterval);
        cut.WaitForAssertion(() => Assert.Contains("(4 min ago)", cut.Find("time").TextContent, StringComparison.Ordinal));
        Assert.Equal(renders + 1, cut.RenderCount);
    }
}
