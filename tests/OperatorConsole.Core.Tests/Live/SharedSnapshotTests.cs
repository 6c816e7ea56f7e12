using Microsoft.Extensions.Logging.Abstractions;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Tests.Live;

public sealed class SharedSnapshotTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly LiveEventBroadcaster _broadcaster = new();
    private int _loads;

    [Fact]
    public async Task Watch_FiveWatchersOneChange_OneLoadAndTheSameObjectForAll()
    {
        using var shared = Reloading();
        var received = Enumerable.Range(0, 5).Select(_ => new TaskCompletionSource<Versioned<string>>(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var watches = received.Select(r => shared.Watch((next, _) => { r.TrySetResult(next); return Task.CompletedTask; }, _ => Task.CompletedTask)).ToList();

        _broadcaster.Publish(Event("flip"));

        var states = await Task.WhenAll(received.Select(r => r.Task.WaitAsync(Timeout)));
        Assert.All(states, s => Assert.Same(states[0], s));
        Assert.Equal("load 2", states[0].Value);
        Assert.Equal(2, _loads);
        watches.ForEach(w => w.Dispose());
    }

    [Fact]
    public async Task Watch_EventsCarryState_AppliedWithoutLoading()
    {
        using var shared = new SharedSnapshot<string>(
            _broadcaster, [Topics.KillSwitches], Load, (current, batch) => current + string.Concat(batch.Select(e => e.Subject)), NullLogger.Instance);
        var received = new TaskCompletionSource<Versioned<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = shared.Watch((next, _) => { received.TrySetResult(next); return Task.CompletedTask; }, _ => Task.CompletedTask);

        _broadcaster.Publish(Event("+a"));

        Assert.Equal("load 1+a", (await received.Task.WaitAsync(Timeout)).Value);
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task Offer_StatesWhileTheWatcherIsBusy_NextCallGetsTheNewestWithAllTheirEvents()
    {
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<(Versioned<string>, IReadOnlyList<LiveEvent>)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        using var watch = new SnapshotWatch<string>(async (next, events) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                firstStarted.TrySetResult();
                await busy.Task;
            }
            else
            {
                second.TrySetResult((next, events));
            }
        }, _ => Task.CompletedTask, _ => { });
        watch.Offer(State(2, "one"));
        await firstStarted.Task.WaitAsync(Timeout);

        watch.Offer(State(3, "two"));
        watch.Offer(State(4, "three"));
        busy.SetResult();

        var (newest, events) = await second.Task.WaitAsync(Timeout);
        Assert.Equal(4, newest.Version);
        Assert.Equal(["two", "three"], events.Select(e => e.Subject));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Offer_AfterTheWatcherThrewObjectDisposed_ReportsItAndDeliversTheNextState()
    {
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        var delivered = new TaskCompletionSource<Versioned<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        using var watch = new SnapshotWatch<string>((next, _) =>
        {
            // E.g. a read that found the store's engine closed under it, while the watch and its page live on.
            ObjectDisposedException.ThrowIf(Interlocked.Increment(ref calls) == 1, "engine");
            delivered.TrySetResult(next);
            return Task.CompletedTask;
        }, ex => { reported.TrySetResult(ex); return Task.CompletedTask; }, _ => { });

        watch.Offer(State(2, "one"));
        Assert.IsType<ObjectDisposedException>(await reported.Task.WaitAsync(Timeout));
        watch.Offer(State(3, "two"));

        Assert.Equal(3, (await delivered.Task.WaitAsync(Timeout)).Version);
    }

    private static Versioned<string> State(long version, string subject) => new(version, subject, [Event(subject)]);

    private SharedSnapshot<string> Reloading() =>
        new(_broadcaster, [Topics.KillSwitches], Load, (_, _) => null, NullLogger.Instance);

    private string Load() => $"load {Interlocked.Increment(ref _loads)}";

    private static LiveEvent Event(string subject) =>
        new(Topics.KillSwitches, "kill-switch.flipped", subject, "alice", DateTimeOffset.UnixEpoch, $"{subject} flipped");
}
