namespace OperatorConsole.Core.Rollback;

public enum TimerStatus
{
    Running,
    Amber,
    Red,
    Met,
    Missed,
}

/// <summary>
/// One objective timer at one instant. While running, <see cref="Remaining"/> counts down (negative once past);
/// once the step is done the outcome is fixed: met, or missed by <see cref="MissedBy"/>.
/// </summary>
public sealed record TimerState(string Name, TimerStatus Status, TimeSpan Limit, TimeSpan Elapsed, TimeSpan Remaining, TimeSpan? MissedBy)
{
    public bool Done => Status is TimerStatus.Met or TimerStatus.Missed;
}

/// <summary>Timers are computed from recorded times and the clock, never kept ticking on the server.</summary>
public static class RollbackTimers
{
    public static TimerState Evaluate(string name, DateTimeOffset start, TimeSpan limit, DateTimeOffset? doneAt, DateTimeOffset now, double amberFraction)
    {
        if (doneAt is { } done)
        {
            var took = done - start;
            return took <= limit
                ? new TimerState(name, TimerStatus.Met, limit, took, limit - took, null)
                : new TimerState(name, TimerStatus.Missed, limit, took, limit - took, took - limit);
        }

        var elapsed = now - start;
        var remaining = limit - elapsed;
        var status = elapsed > limit ? TimerStatus.Red
            : remaining <= limit * amberFraction ? TimerStatus.Amber
            : TimerStatus.Running;
        return new TimerState(name, status, limit, elapsed, remaining, status == TimerStatus.Red ? elapsed - limit : null);
    }

    public static TimerState SafeState(RollbackRun run, DateTimeOffset now, double amberFraction) =>
        Evaluate("Safe active state", run.BadPublishConfirmedAt, run.SafeStateWithin, run.SafeStateAt, now, amberFraction);

    public static TimerState Integrity(RollbackRun run, DateTimeOffset now, double amberFraction) =>
        Evaluate("Integrity confirmed", run.BadPublishConfirmedAt, run.IntegrityWithin, run.IntegrityConfirmedAt, now, amberFraction);
}
