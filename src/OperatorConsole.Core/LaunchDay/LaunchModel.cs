namespace OperatorConsole.Core.LaunchDay;

/// <summary>004's launch-day validation sequence, in the order it is run.</summary>
public enum LaunchStepKind
{
    /// <summary>Production config snapshot checked against the release's expected values.</summary>
    ConfigVerified,

    /// <summary>The release's first production publish, validated by its stage and post-deploy probe.</summary>
    FirstPublishValidated,

    /// <summary>Probes of the active manifest, the active pack, the resolver and the rules endpoint.</summary>
    ProductionProbes,

    /// <summary>A fetch that resolves manifest and pack as the app does, on the target build.</summary>
    LiveAppFetch,

    /// <summary>The final build checksum and the whole launch record archived as a verifiable bundle.</summary>
    EvidenceArchived,
}

public enum LaunchStepState
{
    Pending,
    Passed,
    Failed,
}

/// <summary>The three sign-offs 004 asks for, each by a different named person holding that duty.</summary>
public enum SignOffArea
{
    Product,
    Engineering,
    Qa,
}

/// <summary>
/// One launch day: a release (and its scope) going live, its validation steps with their evidence, the expected values
/// its production config is held against, and the sign-offs. <see cref="Version"/> grows with every change.
/// </summary>
public sealed record Launch
{
    public required string Id { get; init; }

    public required string ReleaseId { get; init; }

    public required string ScopeId { get; init; }

    public required string ReleaseVersion { get; init; }

    public required ConfigExpectations Expectations { get; init; }

    public required IReadOnlyList<LaunchStep> Steps { get; init; }

    /// <summary>Every sign-off ever given, newest last; an invalidated one stays, marked, as evidence.</summary>
    public IReadOnlyList<SignOff> SignOffs { get; init; } = [];

    /// <summary>The stored config snapshot: values that are not secrets, and for each auth key only presence and fingerprint.</summary>
    public StoredConfigSnapshot? ConfigSnapshot { get; init; }

    public string? BuildChecksum { get; init; }

    /// <summary>The integrity hash of the archived evidence bundle (the bundle itself is stored beside the launch).</summary>
    public string? BundleHash { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public long Version { get; init; }

    public LaunchStep Step(LaunchStepKind kind) => Steps.First(s => s.Kind == kind);

    public IEnumerable<SignOff> ValidSignOffs => SignOffs.Where(s => s.InvalidatedAt is null);

    public bool IsComplete => CompletedAt is not null;
}

/// <summary>One step of the sequence: its state, who ran it and when, and the checks it made (its evidence).</summary>
public sealed record LaunchStep(
    LaunchStepKind Kind,
    LaunchStepState State,
    DateTimeOffset? At = null,
    string? ActorName = null,
    string? Summary = null,
    IReadOnlyList<LaunchCheck>? Checks = null,
    long? LedgerSequence = null);

/// <summary>One line of a step's evidence: what was checked, whether it held, and what was seen.</summary>
public sealed record LaunchCheck(string Name, bool Passed, string Detail);

/// <summary>A sign-off: who, for which area, when, with what statement; invalidated when a validated item changes after it.</summary>
public sealed record SignOff(
    SignOffArea Area,
    string UserId,
    string UserName,
    DateTimeOffset At,
    string Statement,
    long LedgerSequence,
    DateTimeOffset? InvalidatedAt = null,
    string? InvalidatedBecause = null);

/// <summary>
/// What the release's production config must hold. Keys are flattened paths ("api.endpoint", "FEATURE_X"); kill-switch
/// defaults are read from keys starting with <see cref="KillSwitchPrefix"/> and compared with the console's own switches.
/// </summary>
public sealed record ConfigExpectations
{
    public IReadOnlyDictionary<string, string> Endpoints { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Flags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> RequiredAuthKeys { get; init; } = [];

    public string KillSwitchPrefix { get; init; } = "kill_switches.";

    /// <summary>Where the console may fetch the production config itself (through the outbound policy); null when pasted only.</summary>
    public string? FetchUrl { get; init; }
}

/// <summary>A config snapshot as stored: never a secret's value, only that it is present and its SHA-256 fingerprint.</summary>
public sealed record StoredConfigSnapshot(
    string Format,
    string Source,
    DateTimeOffset TakenAt,
    string TakenBy,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<AuthKeyPresence> AuthKeys);

public sealed record AuthKeyPresence(string Name, bool Present, string? Sha256Fingerprint);

/// <summary>Which users may sign which area; an Admin assigns them.</summary>
public sealed record SignOffDuties(IReadOnlyDictionary<SignOffArea, IReadOnlyList<string>> UserIds)
{
    public static readonly SignOffDuties None = new(new Dictionary<SignOffArea, IReadOnlyList<string>>());

    public bool Holds(string userId, SignOffArea area) => UserIds.TryGetValue(area, out var ids) && ids.Contains(userId);
}

/// <summary>One no-go rule of 004 as evaluated now: whether it holds, why, and where the fix is.</summary>
public sealed record NoGoRule(string Id, string Title, bool Holds, string Why, string FixLink);

/// <summary>The computed gate: NO-GO while any rule holds.</summary>
public sealed record LaunchGate(string ScopeId, DateTimeOffset EvaluatedAt, IReadOnlyList<NoGoRule> Rules)
{
    public bool NoGo => Rules.Any(r => r.Holds);
}

public interface ILaunchRepository
{
    Launch? Get(string id);

    /// <summary>Newest first; one scope's launches when <paramref name="scopeId"/> is given.</summary>
    IReadOnlyList<Launch> List(string? scopeId = null);

    void Upsert(Launch launch);

    SignOffDuties Duties();

    void SaveDuties(SignOffDuties duties);

    /// <summary>The sealed bundle archived by step 5, kept as it was sealed so it can be handed out again unchanged.</summary>
    void SaveBundle(string launchId, Evidence.PreservedBundle bundle);

    Evidence.PreservedBundle? Bundle(string launchId);
}
