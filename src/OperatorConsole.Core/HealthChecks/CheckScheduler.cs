using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.HealthChecks;

/// <summary>
/// Runs the enabled checks that are due, driven by the injected clock, and sleeps until the next one is due. A created
/// or edited check wakes it at once (through its live topic); otherwise it looks again at least every
/// <see cref="MaxSleep"/>, so nothing depends on an event that a full subscriber queue might have dropped.
/// </summary>
public sealed class CheckScheduler(
    ChangeRunner changes, ScheduledCheckRunner runner, ILiveEventSource live, TimeProvider clock, ILogger<CheckScheduler> logger)
{
    public static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(30);

    // A check that could not record its result stays due; this keeps it from being retried in a tight loop.
    private static readonly TimeSpan MinSleep = TimeSpan.FromSeconds(1);
    private const int Parallelism = 4;

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled, then returns, also when that comes while checks run.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var changed = live.Subscribe(Topics.HealthChecks);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var nextDue = await RunDueAsync(stoppingToken);
                var sleep = nextDue is { } next ? next - clock.GetUtcNow() : MaxSleep;
                sleep = sleep < MinSleep ? MinSleep : sleep > MaxSleep ? MaxSleep : sleep;
                while (changed.Reader.TryRead(out _))
                {
                    // Our own results are on the topic too; what is due is re-read from the store anyway.
                }

                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var slept = Task.Delay(sleep, clock, wake.Token);
                await Task.WhenAny(slept, changed.Reader.WaitToReadAsync(wake.Token).AsTask());
                await wake.CancelAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while checks ran: each check records its result in its own write, or records nothing.
        }
    }

    /// <summary>Runs every enabled check due now; returns when the next one is due (null when none is enabled).</summary>
    public async Task<DateTimeOffset?> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = Schedule().Where(s => s.NextDueAt <= now).Select(s => s.CheckId).ToList();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                try
                {
                    await runner.RunAsync(id, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One broken check (or a store fault) must not stop the others; it is due again next time.
                    logger.LogError(ex, "Health check {CheckId} failed to run", id);
                }
            });
        var upcoming = Schedule().Select(s => s.NextDueAt).ToList();
        return upcoming.Count == 0 ? null : upcoming.Min();
    }

    private IReadOnlyList<CheckState> Schedule() => changes.Store.Read(s => s.HealthChecks.All()
        .Where(c => c.Enabled)
        .Select(c => s.HealthChecks.State(c.Id) ?? ScheduledCheckService.Initial(c))
        .ToList());
}
