namespace OperatorConsole.Core.Incidents;

/// <summary>The lifecycle of DESIGN.md §3, in order; moves only go forward along it.</summary>
public enum IncidentStatus
{
    Detected,
    Acknowledged,
    Contained,
    Diagnosed,
    Mitigated,
    Resolved,
    Closed,
}

public enum IncidentSeverity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
}

/// <summary>The six incident classes of seed 004, plus Other.</summary>
public enum IncidentClass
{
    SourceOutage,
    PublishFailure,
    StalePackBreach,
    FallbackPathSpike,
    BadPublish,
    AiLaneInstability,
    Other,
}

public sealed record StatusChange(IncidentStatus From, IncidentStatus To, DateTimeOffset At, string By, string? Reason);

public sealed record Incident
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required IncidentClass Class { get; init; }
    public required IncidentSeverity Severity { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public string? TriggerSource { get; init; }

    /// <summary>What to do first, from the alert matrix rule that opened the incident.</summary>
    public string? FirstAction { get; init; }

    /// <summary>The runbook that came with the alert that opened the incident.</summary>
    public string? RunbookSlug { get; init; }
    public string? OnCallOperator { get; init; }

    /// <summary>The owner's display name, as shown; <see cref="OwnerId"/> is the user it names.</summary>
    public string? Owner { get; init; }
    public string? OwnerId { get; init; }

    /// <summary>Who coordinates the response; unset until someone names one.</summary>
    public IncidentPerson? Commander { get; init; }

    /// <summary>Who is working on it now ("I'm working on this"), in the order they joined.</summary>
    public IReadOnlyList<IncidentResponder> Responders { get; init; } = [];
    public IncidentStatus Status { get; init; }
    public IReadOnlyList<StatusChange> Transitions { get; init; } = [];
    public IReadOnlyList<string> TickedObligations { get; init; } = [];

    /// <summary>Who or what ticked each obligation in <see cref="TickedObligations"/>, and the ledger entry that proves it.</summary>
    public IReadOnlyList<ObligationTick> ObligationTicks { get; init; } = [];
    public string? ClosureConfirmedBy { get; init; }
    public DateTimeOffset? ClosureConfirmedAt { get; init; }
    public required string OpenedBy { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }

    public bool IsOpen => Status is not (IncidentStatus.Resolved or IncidentStatus.Closed);

    /// <summary>Time from opening to the first time the incident reached <paramref name="status"/>, if it has.</summary>
    public TimeSpan? TimeTo(IncidentStatus status) =>
        Transitions.FirstOrDefault(t => t.To == status) is { } reached ? reached.At - OpenedAt : null;
}

/// <summary>A person named on an incident: the user's id and the name shown.</summary>
public sealed record IncidentPerson(string Id, string Name);

public sealed record IncidentResponder(string Id, string Name, DateTimeOffset JoinedAt);

/// <summary>
/// How an obligation came to be ticked: by hand, or because the console saw it done (<see cref="Automatic"/>).
/// <paramref name="Proof"/> says what was seen; <paramref name="LedgerSequence"/> is the ledger entry of the thing done
/// (for a hand tick, the tick itself).
/// </summary>
public sealed record ObligationTick(string Key, DateTimeOffset At, string By, bool Automatic, string Proof, long LedgerSequence);

/// <summary>One line of an incident's timeline; every kind of event lands here.</summary>
public sealed record TimelineEntry(
    string Id,
    string IncidentId,
    DateTimeOffset At,
    string Kind,
    string Actor,
    string Text,
    string? Detail = null,
    bool Pinned = false,
    string? Link = null);

public static class TimelineKinds
{
    public const string Status = "status";
    public const string Severity = "severity";
    public const string Note = "note";
    public const string Decision = "decision";
    public const string Runbook = "runbook";
    public const string Evidence = "evidence";
    public const string Assignment = "assignment";
    public const string Obligation = "obligation";
    public const string Closure = "closure";
    public const string PostIncident = "post-incident";
    public const string Attachment = "attachment";
    public const string KillSwitch = "kill-switch";
    public const string Rollback = "rollback";
    public const string Alert = "alert";

    public static readonly IReadOnlyList<string> All = [Status, Severity, Note, Decision, Runbook, Evidence, Assignment, Obligation, Closure, PostIncident, Attachment, KillSwitch, Rollback, Alert];
}
