using Microsoft.Extensions.Time.Testing;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Live;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.HealthChecks;

public sealed class CheckSchedulerTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
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
        await AdvanceUntilNextResultAsync(results);
        await AdvanceUntilNextResultAsync(results);

        await stop.CancelAsync();
        await loop;
        // Never early; at most one step late, as the test may move the clock just before the loop arms its timer.
        var times = History(check).Select(r => r.At).ToList();
        Assert.Equal(3, times.Count);
        Assert.All(times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds), gap => Assert.InRange(gap, 30, 31));
    }

    private IReadOnlyList<CheckResult> History(ScheduledCheck check) => _store.HealthChecks.Get(check.Id).History;

    // The loop arms its timer after publishing a result, so time moves in one-second steps until the next result
    // arrives; the results' own times then show the interval was kept.
    private async Task AdvanceUntilNextResultAsync(LiveSubscription results)
    {
        var next = NextResultAsync(results);
        while (!next.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(next, Task.Delay(10));
        }
    }

    private static async Task NextResultAsync(LiveSubscription results)
    {
        while (await results.Reader.ReadAsync() is var e && e.Kind != HealthCheckEvents.Result)
        {
        }
    }
}
