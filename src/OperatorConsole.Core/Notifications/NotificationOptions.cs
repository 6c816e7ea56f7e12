namespace OperatorConsole.Core.Notifications;

/// <summary>How deliveries are retried (section "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Tries per delivery before it is given up; the first try counts.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait before the second try; each later wait doubles, up to <see cref="MaxRetryAfter"/>.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one try waits for an answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the worker looks at things that change without an event (rollback timers, launch gates).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after try number <paramref name="attempts"/> (1-based) before the next one.</summary>
    public TimeSpan RetryAfter(int attempts)
    {
        var wait = FirstRetryAfter * Math.Pow(2, Math.Max(0, attempts - 1));
        return wait < MaxRetryAfter ? wait : MaxRetryAfter;
    }
}
