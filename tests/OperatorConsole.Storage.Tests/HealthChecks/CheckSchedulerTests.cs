using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Live;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.HealthChecks;

public sealed class CheckSchedulerTests : IDisposable
{
    private readonly SleepReportingClock _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly TestStore _store;
    private readonly CheckTarget _target;

    public CheckSchedulerTests()
    {
        _store = new TestStore(_clock);
        _target = new CheckTarget(_store);
    }

    public void Dispose()
    {
        _target.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task RunDue_NewCheck_RunsAtOnceAndAgainOnlyAfterItsInterval()
    {
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition(intervalSeconds: 60));

        await _store.CheckScheduler.RunDueAsync();
        _clock.Advance(TimeSpan.FromSeconds(59));
        var next = await _store.CheckScheduler.RunDueAsync();
        var before = History(check).Count;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _store.CheckScheduler.RunDueAsync();

        Assert.Equal(1, before);
        Assert.Equal(_clock.GetUtcNow(), next);
        Assert.Equal(2, History(check).Count);
    }

    [Fact]
    public async Task RunDue_DisabledCheck_NeverRuns()
    {
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition() with { Enabled = false });

        var next = await _store.CheckScheduler.RunDueAsync();

        Assert.Null(next);
        Assert.Empty(History(check));
    }

    [Fact]
    public async Task Run_ClockAdvancesByIntervals_RunsOncePerInterval()
    {
        var check = await _store.HealthChecks.CreateAsync(TestActors.Admin, CheckTarget.Definition(intervalSeconds: 30));
        using var results = _store.Broadcaster.Subscribe(Topics.HealthChecks);
        using var stop = new CancellationTokenSource();
        var loop = _store.CheckScheduler.RunAsync(stop.Token);

        await NextResultAsync(results);
        await SleepUntilNextResultAsync(results);
        await SleepUntilNextResultAsync(results);

        await stop.CancelAsync();
        await loop;
        var times = History(check).Select(r => r.At).ToList();
        Assert.Equal(3, times.Count);
        Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.Equal(TimeSpan.FromSeconds(30), gap));
    }

    private IReadOnlyList<CheckResult> History(ScheduledCheck check) => _store.HealthChecks.Get(check.Id).History;

    // Time moves only to the end of a sleep the loop armed, so a result is stamped exactly when the loop woke for it
    // however slowly this machine runs; a sleep armed before the test sees the previous result waits for the next call.
    private async Task SleepUntilNextResultAsync(LiveSubscription results)
    {
        var next = NextResultAsync(results);
        while (!next.IsCompleted)
        {
            await Task.WhenAny(next, _clock.Sleeps.Reader.WaitToReadAsync().AsTask());
            while (!next.IsCompleted && _clock.Sleeps.Reader.TryRead(out var wakeAt))
            {
                if (wakeAt > _clock.GetUtcNow())
                {
                    _clock.SetUtcNow(wakeAt);
                }
            }
        }

        await next;
    }

    private static async Task NextResultAsync(LiveSubscription results)
    {
        while (await results.Reader.ReadAsync() is var e && e.Kind != HealthCheckEvents.Result)
        {
        }
    }

    private sealed class SleepReportingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        /// <summary>When each timer armed on this clock is due.</summary>
        public Channel<DateTimeOffset> Sleeps { get; } = Channel.CreateUnbounded<DateTimeOffset>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var wakeAt = GetUtcNow() + dueTime;
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Sleeps.Writer.TryWrite(wakeAt);
            }

            return timer;
        }
    }
}
