using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Releases;

/// <summary>001's shadow path: registered → candidate (shadow) → canary (optional) → promoted, or rolled back / retired.</summary>
public enum ReleaseStage
{
    Registered,
    Candidate,
    Canary,
    Promoted,
    RolledBack,
    Retired,
}

/// <summary>003's environments: everything runs in staging until it is promoted to production.</summary>
public enum ReleaseEnvironment
{
    Staging,
    Production,
}

/// <summary>
/// A model or artefact version registered for a scope. Its manifest (registered through ScopeService, so the scope
/// lists it as a candidate) carries the checksums; the release carries where it stands on the way to production.
/// <see cref="Id"/> is the manifest id.
/// </summary>
public sealed record Release
{
    public required string Id { get; init; }

    public required string ScopeId { get; init; }

    public required string Version { get; init; }

    public required ReleaseStage Stage { get; init; }

    public required ReleaseEnvironment Environment { get; init; }

    /// <summary>The metadata as the publisher sent it, each value as JSON text.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the SBOM lives (a URL or an evidence attachment id); 003 stores one beside every artefact.</summary>
    public string? Sbom { get; init; }

    public string? Changelog { get; init; }

    public long ShadowCycles { get; init; }

    public int ShadowTarget { get; init; }

    public double? CanaryRatio { get; init; }

    public ShadowReport? LastShadowReport { get; init; }

    public PostDeployCheck? PostDeployCheck { get; init; }

    public required string RegisteredBy { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? PromotedAt { get; init; }

    public IReadOnlyList<ReleaseEvent> History { get; init; } = [];

    public bool ShadowComplete => ShadowCycles >= ShadowTarget;

    /// <summary>The one release per scope that may be advanced: in shadow or in canary.</summary>
    public bool IsCandidate => Stage is ReleaseStage.Candidate or ReleaseStage.Canary;
}

/// <summary>One step in a release's life, newest last, citing its ledger entry.</summary>
public sealed record ReleaseEvent(DateTimeOffset At, string ActorName, ReleaseStage Stage, string What, long LedgerSequence);

/// <summary>The last shadow-cycle report from a serving service, with the online metrics it chose to send.</summary>
public sealed record ShadowReport(DateTimeOffset At, string ReportedBy, int Cycles, IReadOnlyDictionary<string, double> Metrics);

/// <summary>The probe of the scope's resolver after a promotion: did services resolve the promoted manifest?</summary>
public sealed record PostDeployCheck(DateTimeOffset At, string Url, bool Passed, string Summary, int? StatusCode, long LatencyMs);

/// <summary>What a publisher gives to register a release; the console builds the manifest and pack from it.</summary>
public sealed record ReleaseInput(
    string? ScopeId,
    string? Version,
    IReadOnlyDictionary<string, string>? Metadata,
    string? ArtifactUrl,
    string? ArtifactSha256,
    string? Sbom,
    string? Changelog);

/// <summary>What HEARTBEAT and the page show for a model slot: what serves, what waits, and the binding version.</summary>
public sealed record ModelSlotStatus(
    string ScopeId,
    long BindingVersion,
    ManifestSummary? Active,
    ManifestSummary? LastKnownGood,
    Release? Production,
    Release? Candidate);

public interface IReleaseRepository
{
    Release? Get(string id);

    /// <summary>A scope's releases, newest registered first; every release when <paramref name="scopeId"/> is null.</summary>
    IReadOnlyList<Release> List(string? scopeId = null);

    void Upsert(Release release);
}
