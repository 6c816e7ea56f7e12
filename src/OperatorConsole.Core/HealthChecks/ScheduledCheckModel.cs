using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.HealthChecks;

/// <summary>
/// A health check the console runs on a schedule: one HTTP probe (the same probe a runbook step runs), an optional
/// threshold on a JSON number, and how many failures in a row raise an alert. Named "scheduled" so it never reads as
/// the console's own liveness/readiness checks at /health/live and /health/ready.
/// </summary>
public sealed record ScheduledCheck
{
    /// <summary>A slug of the name at creation; stays when the check is renamed, so links and alerts keep pointing at it.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Method { get; init; }

    /// <summary>An absolute http(s) URL, or a path starting with '/' that the console resolves against itself.</summary>
    public required string Url { get; init; }

    public required int ExpectedStatus { get; init; }

    public string? JsonPath { get; init; }

    public string? Operator { get; init; }

    public double? Threshold { get; init; }

    public required int IntervalSeconds { get; init; }

    public required int TimeoutMs { get; init; }

    public required string Owner { get; init; }

    /// <summary>The severity the alert carries as a label (SEV-1, SEV-2 or SEV-3); the alert matrix has the last word.</summary>
    public required string Severity { get; init; }

    public required int FailuresToAlert { get; init; }

    public required bool Enabled { get; init; }

    /// <summary>Targets the demo endpoints the console serves itself; shown as demo everywhere.</summary>
    public bool Demo { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public ProbeSpec ToProbe() => new(Method, Url, ExpectedStatus, JsonPath, Operator, Threshold, null, TimeoutMs);

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);
}

/// <summary>What an Admin gives to create or edit a check; validated by <see cref="ScheduledCheckRules"/>.</summary>
public sealed record ScheduledCheckDefinition(
    string? Name,
    string? Method,
    string? Url,
    int? ExpectedStatus,
    string? JsonPath,
    string? Operator,
    double? Threshold,
    int? IntervalSeconds,
    int? TimeoutMs,
    string? Owner,
    string? Severity,
    int? FailuresToAlert,
    bool? Enabled);

/// <summary>One run of a check, kept as history (bounded per check).</summary>
public sealed record CheckResult(
    string CheckId,
    DateTimeOffset At,
    bool Passed,
    int? StatusCode,
    long LatencyMs,
    string Reason);

/// <summary>
/// Where a check stands: its last result, its failure streak, when it is next due, and since when its alert is firing
/// (null while none is). Kept apart from the definition so a run never rewrites what the Admin configured.
/// </summary>
public sealed record CheckState(
    string CheckId,
    DateTimeOffset NextDueAt,
    CheckResult? Last = null,
    int ConsecutiveFailures = 0,
    DateTimeOffset? AlertFiringSince = null)
{
    public bool AlertFiring => AlertFiringSince is not null;
}

/// <summary>A check with its state and recent history, as the page and the API show it.</summary>
public sealed record CheckView(ScheduledCheck Check, CheckState State, IReadOnlyList<CheckResult> History)
{
    public string Status => !Check.Enabled ? "disabled" : State.Last is null ? "pending" : State.Last.Passed ? "passing" : "failing";
}
