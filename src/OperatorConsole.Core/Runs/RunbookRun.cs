using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Runs;

public enum RunStatus
{
    InProgress,
    Completed,
}

public sealed record ProbeResult(
    DateTimeOffset At,
    string Method,
    string Url,
    int? StatusCode,
    long LatencyMs,
    bool Passed,
    string Summary,
    string? BodyExcerpt,
    string ExecutedBy);

/// <summary>A step of a run: a copy of the runbook step (so the run stands as evidence on its own) plus what happened.</summary>
public sealed record RunStep
{
    public required string StepId { get; init; }
    public required string SectionTitle { get; init; }
    public required RunbookStep Definition { get; init; }
    public string? CheckedBy { get; init; }
    public DateTimeOffset? CheckedAt { get; init; }
    public string? Note { get; init; }
    public string? Output { get; init; }
    public IReadOnlyList<ProbeResult> ProbeResults { get; init; } = [];

    public bool IsDone => CheckedAt is not null;
}

public sealed record RunbookRun
{
    public required string Id { get; init; }
    public required string RunbookSlug { get; init; }
    public required int RunbookVersion { get; init; }
    public required string RunbookTitle { get; init; }
    public string? IncidentId { get; init; }
    public required string StartedBy { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public RunStatus Status { get; init; }
    public string? CompletedBy { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public IReadOnlyList<RunStep> Steps { get; init; } = [];

    public int DoneCount => Steps.Count(s => s.IsDone);

    public double Progress => Steps.Count == 0 ? 1 : (double)DoneCount / Steps.Count;

    public RunStep Step(string stepId) =>
        Steps.FirstOrDefault(s => s.StepId == stepId) ?? throw new Common.NotFoundException($"Run {Id} has no step '{stepId}'.");

    public RunbookRun WithStep(RunStep updated) =>
        this with { Steps = [.. Steps.Select(s => s.StepId == updated.StepId ? updated : s)] };
}
