using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OperatorConsole.Core.Leases;

namespace OperatorConsole.Core.Tests.Leases;

public sealed class LeasedWorkTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _clock = new();
    private readonly SwitchableLeases _leases = new();

    [Fact]
    public async Task RunAsync_LeaseLostAtRenewal_CancelsTheWork()
    {
        _leases.Granted = true;
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var running = Leased().RunAsync("work", async token =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, token).ContinueWith(_ => cancelled.TrySetResult(), TaskScheduler.Default);
        }, stop.Token, Lease);
        await started.Task.WaitAsync(Patience);

        _leases.Granted = false;
        await AdvanceUntilAsync(cancelled.Task);

        Assert.True(cancelled.Task.IsCompleted);
        await stop.CancelAsync();
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task RunAsync_LeaseHeldElsewhere_StartsOnlyOnceItIsFree()
    {
        _leases.Granted = false;
        var started = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var running = Leased().RunAsync("work", token =>
        {
            started.TrySetResult();
            return Task.Delay(Timeout.Infinite, token);
        }, stop.Token, Lease);
        await AdvanceUntilAsync(_leases.AttemptsReached(3));
        Assert.False(started.Task.IsCompleted);

        _leases.Granted = true;
        await AdvanceUntilAsync(started.Task);

        Assert.True(started.Task.IsCompleted);
        await stop.CancelAsync();
        await running.WaitAsync(Patience);
    }

    [Fact]
    public async Task RunAsync_Stopping_ReleasesTheLease()
    {
        _leases.Granted = true;
        var started = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var running = Leased().RunAsync("work", token =>
        {
            started.TrySetResult();
            return Task.Delay(Timeout.Infinite, token);
        }, stop.Token, Lease);
        await started.Task.WaitAsync(Patience);

        await stop.CancelAsync();
        await running.WaitAsync(Patience);

        Assert.Equal(["work"], _leases.Released);
    }

    private LeasedWork Leased() => new(_leases, _clock, NullLogger<LeasedWork>.Instance);

    /// <summary>Moves the fake clock a renewal at a time until <paramref name="done"/> completes (the loop's timers fire in between).</summary>
    private async Task AdvanceUntilAsync(Task done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!done.IsCompleted && DateTime.UtcNow < deadline)
        {
            _clock.Advance(Lease / 3);
            await Task.WhenAny(done, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }
    }

    private sealed class SwitchableLeases : IWorkLeases
    {
        private readonly TaskCompletionSource[] _attempts = [.. Enumerable.Range(0, 10).Select(_ => new TaskCompletionSource())];
        private int _attempted;

        public volatile bool Granted;

        public List<string> Released { get; } = [];

        public Task AttemptsReached(int count) => _attempts[count - 1].Task;

        public Task<bool> TryHoldAsync(string work, TimeSpan duration, CancellationToken cancellationToken = default)
        {
            var attempt = Interlocked.Increment(ref _attempted);
            if (attempt <= _attempts.Length)
            {
                _attempts[attempt - 1].TrySetResult();
            }

            return Task.FromResult(Granted);
        }

        public Task ReleaseAsync(string work, CancellationToken cancellationToken = default)
        {
            Released.Add(work);
            return Task.CompletedTask;
        }
    }
}
