namespace OperatorConsole.Core.KillSwitches;

/// <summary>
/// A switch services obey. One key may exist per scope ("global" or a scope id such as a locality);
/// <see cref="Version"/> is taken from one counter across all switches, so a client that remembers the
/// highest version it has seen can ask for exactly what changed since.
/// </summary>
public sealed record KillSwitch
{
    public const string GlobalScope = "global";

    public required string Key { get; init; }

    public required string Scope { get; init; }

    public required string Description { get; init; }

    public required bool DefaultOn { get; init; }

    /// <summary>On is the engaged state: the protective (safe) state of every kill switch. Off is away from safe.</summary>
    public required bool On { get; init; }

    /// <summary>Turning a protective switch off (away from its safe state) is a guarded action needing a confirmation token.</summary>
    public bool Protective { get; init; }

    public required long Version { get; init; }

    public SwitchChange? LastChange { get; init; }

    /// <summary>The evidence record of the last real flip while its validation result is still missing.</summary>
    public string? PendingEvidenceId { get; init; }

    public bool ValidationPending => PendingEvidenceId is not null;

    /// <summary>Set by a completed drill (flip and restore); launch sign-off refuses untested switches.</summary>
    public bool Tested { get; init; }

    public DateTimeOffset? TestedAt { get; init; }

    /// <summary>"key@scope": the subject of its events and ledger entries.</summary>
    public string Id => IdOf(Key, Scope);

    public static string IdOf(string key, string scope) => $"{key}@{scope}";

    /// <summary>The order lists show: by key, the global switch first, then by scope.</summary>
    public static IReadOnlyList<KillSwitch> InListOrder(IEnumerable<KillSwitch> switches) =>
        [.. switches.OrderBy(s => s.Key, StringComparer.Ordinal)
            .ThenBy(s => s.Scope == GlobalScope ? 0 : 1)
            .ThenBy(s => s.Scope, StringComparer.Ordinal)];
}

/// <summary>Who changed a switch, when and why.</summary>
public sealed record SwitchChange(string ActorId, string ActorName, DateTimeOffset At, string Reason, string? IncidentId);

public static class SwitchActions
{
    public const string Created = "created";
    public const string Edited = "edited";
    public const string Flipped = "flipped";
    public const string Drilled = "drilled";
    public const string Validated = "validated";
}

/// <summary>
/// One line of a switch's history. History lives beside the switch, not in it, so snapshots, hub messages and poll
/// answers stay the size of the current state; read it page by page (<see cref="SwitchHistoryPage"/>).
/// </summary>
public sealed record SwitchHistoryEntry(
    long Version,
    DateTimeOffset At,
    string ActorName,
    string Action,
    bool On,
    string? Reason,
    string? IncidentId = null,
    string? EvidenceId = null);

/// <summary>
/// The record 004 asks for on every activation: reason, scope, activation time, actor, and the validation
/// result the operator fills in afterwards ("validation pending" until then). A drill records one too, marked as such.
/// </summary>
public sealed record KillSwitchEvidence
{
    public required string Id { get; init; }

    public required string SwitchKey { get; init; }

    public required string Scope { get; init; }

    public required bool On { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset ActivatedAt { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    public string? IncidentId { get; init; }

    public bool Drill { get; init; }

    public string? ValidationResult { get; init; }

    public string? ValidatedBy { get; init; }

    public DateTimeOffset? ValidatedAt { get; init; }

    public bool ValidationPending => ValidationResult is null;

    public string SwitchId => KillSwitch.IdOf(SwitchKey, Scope);
}

/// <summary>What an admin gives to create a switch.</summary>
public sealed record KillSwitchDefinition(string Key, string? Scope, string Description, bool DefaultOn, bool Protective = false);

/// <summary>A flip's outcome: the switch as it now stands and the evidence record the flip created.</summary>
public sealed record KillSwitchFlip(KillSwitch Switch, KillSwitchEvidence Evidence);

/// <summary>
/// Switch state for a (re)connecting client: <see cref="Full"/> means every switch is listed; otherwise only those
/// changed after the version the client sent. <see cref="Version"/> is the highest version in the store.
/// </summary>
public sealed record KillSwitchSnapshot(long Version, bool Full, IReadOnlyList<KillSwitch> Switches);

/// <summary>The parameters a disable-protective-switch token is bound to.</summary>
public sealed record DisableSwitchParameters(string SwitchId, string Reason);
