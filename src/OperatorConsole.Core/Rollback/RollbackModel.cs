using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Rollback;

public enum RollbackStatus
{
    Running,
    Completed,
}

/// <summary>
/// A rollback (or drill) of one scope walking 004's six steps. The objective limits are copied in at start, so a
/// later configuration change never rewrites the outcome of a run.
/// </summary>
public sealed record RollbackRun
{
    public required string Id { get; init; }

    public required string ScopeId { get; init; }

    public string? IncidentId { get; init; }

    public bool Drill { get; init; }

    public required string StartedBy { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Both timers start here; by default the start of the run.</summary>
    public required DateTimeOffset BadPublishConfirmedAt { get; init; }

    public required string FromManifestId { get; init; }

    public required string TargetManifestId { get; init; }

    public required TimeSpan SafeStateWithin { get; init; }

    public required TimeSpan IntegrityWithin { get; init; }

    public required IReadOnlyList<RollbackStep> Steps { get; init; }

    public DateTimeOffset? SafeStateAt { get; init; }

    public DateTimeOffset? IntegrityConfirmedAt { get; init; }

    public RollbackStatus Status { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public RollbackOutcome? Outcome { get; init; }

    public RollbackStep Step(int number) => Steps.Single(s => s.Number == number);

    /// <summary>The first step not done yet; null when all six are.</summary>
    public RollbackStep? Current => Steps.FirstOrDefault(s => !s.IsDone);

    public RollbackRun WithStep(RollbackStep step) => this with { Steps = [.. Steps.Select(s => s.Number == step.Number ? step : s)] };
}

/// <summary>
/// One of the six steps. It is done once <see cref="DoneAt"/> is set; failed attempts (a probe that failed, a
/// checksum that did not match) stay in <see cref="Attempts"/> so the evidence shows every try.
/// </summary>
public sealed record RollbackStep
{
    public required int Number { get; init; }

    public required string Title { get; init; }

    public required string EvidenceKind { get; init; }

    public string? DoneBy { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public ManifestSummary? Active { get; init; }

    public ManifestSummary? LastKnownGood { get; init; }

    public IReadOnlyList<ProbeResult> Probes { get; init; } = [];

    public ChecksumReport? Checksums { get; init; }

    public long? LedgerSequence { get; init; }

    public IReadOnlyList<string> Attempts { get; init; } = [];

    public bool IsDone => DoneAt is not null;
}

/// <summary>The result against the objective, filled in automatically when the last step completes.</summary>
public sealed record RollbackOutcome(TimerState SafeState, TimerState Integrity, bool Passed, string Summary);

public static class RollbackSteps
{
    public const int Identify = 1;
    public const int ConfirmTargets = 2;
    public const int Rebind = 3;
    public const int Checksums = 4;
    public const int Probe = 5;
    public const int Record = 6;

    /// <summary>004's checklist: step, action, evidence.</summary>
    public static IReadOnlyList<RollbackStep> Checklist() =>
    [
        new() { Number = Identify, Title = "Identify affected locality or baseline scope", EvidenceKind = "incident record" },
        new() { Number = ConfirmTargets, Title = "Confirm current active manifest and last known good target", EvidenceKind = "manifest probe" },
        new() { Number = Rebind, Title = "Rebind active manifest to last known good", EvidenceKind = "publisher response and audit event" },
        new() { Number = Checksums, Title = "Confirm manifest checksum and pack checksum alignment", EvidenceKind = "readback verification" },
        new() { Number = Probe, Title = "Probe resolver and rules API for the scope", EvidenceKind = "post-rollback probe log" },
        new() { Number = Record, Title = "Capture timestamps and outcome against the rollback objective", EvidenceKind = "drill or incident record" },
    ];
}

public interface IRollbackRepository
{
    RollbackRun? Get(string id);

    /// <summary>Runs newest first, optionally of one scope.</summary>
    IReadOnlyList<RollbackRun> List(string? scopeId = null);

    /// <summary>Completed drills newest first (of one scope, or all).</summary>
    IReadOnlyList<RollbackRun> Drills(string? scopeId = null);

    void Upsert(RollbackRun run);
}

/// <summary>Whether the rollback objective is proven: a passing drill within the window, or not.</summary>
public sealed record ObjectiveProof(string? ScopeId, bool Proven, TimeSpan Window, RollbackRun? LatestPassingDrill, string Explanation);

/// <summary>A run with both timers evaluated now, as the API and pages show it.</summary>
public sealed record RollbackView(RollbackRun Run, TimerState SafeState, TimerState Integrity);
