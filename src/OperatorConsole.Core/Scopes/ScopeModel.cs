namespace OperatorConsole.Core.Scopes;

/// <summary>
/// A named target services resolve a manifest for (a locality, "baseline", a model slot). The active pointer,
/// the last known good and the whole binding history live here; <see cref="Version"/> grows with every binding,
/// so it is the ETag of the active manifest.
/// </summary>
public sealed record Scope
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Drills may run only on a scope marked as a drill target.</summary>
    public bool DrillTarget { get; init; }

    /// <summary>GET target that answers which manifest services resolve for this scope (absolute or a path on the console).</summary>
    public string? ResolverProbeUrl { get; init; }

    /// <summary>GET target of the rules API for this scope.</summary>
    public string? RulesProbeUrl { get; init; }

    /// <summary>GET target serving the active pack bytes, for the read-back checksum of a rollback.</summary>
    public string? PackProbeUrl { get; init; }

    public string? ActiveManifestId { get; init; }

    public string? LastKnownGoodId { get; init; }

    public long Version { get; init; }

    public IReadOnlyList<BindingEntry> History { get; init; } = [];
}

/// <summary>One binding of the active pointer, newest last: who bound what, when and why.</summary>
public sealed record BindingEntry(
    long Version,
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    string ManifestId,
    string? PreviousActiveId,
    string? LastKnownGoodId,
    string Reason,
    long LedgerSequence,
    string? RollbackId = null);

/// <summary>
/// A manifest/artefact of a scope. The checksums are what the publisher declared; the content (stored bytes or a URL)
/// is what a verification recomputes them over.
/// </summary>
public sealed record Manifest
{
    public required string Id { get; init; }

    public required string ScopeId { get; init; }

    public required string Version { get; init; }

    public required string ManifestChecksum { get; init; }

    public required string PackChecksum { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? OriginRelease { get; init; }

    public string? Changelog { get; init; }

    public byte[]? ManifestContent { get; init; }

    public byte[]? PackContent { get; init; }

    public string? ManifestUrl { get; init; }

    public string? PackUrl { get; init; }

    public required string RegisteredBy { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public ManifestSummary Summary() =>
        new(Id, ScopeId, Version, ManifestChecksum, PackChecksum, CreatedAt, OriginRelease, Changelog);
}

/// <summary>A manifest without its content: what lists, the API and events show.</summary>
public sealed record ManifestSummary(
    string Id,
    string ScopeId,
    string Version,
    string ManifestChecksum,
    string PackChecksum,
    DateTimeOffset CreatedAt,
    string? OriginRelease,
    string? Changelog);

/// <summary>What a service needs to resolve a scope: the active manifest and the binding version (the ETag).</summary>
public sealed record ActiveManifest(
    string ScopeId,
    long Version,
    ManifestSummary Active,
    ManifestSummary? LastKnownGood,
    DateTimeOffset BoundAt,
    string BoundBy);

/// <summary>A scope with its manifests resolved, for pages and the detail endpoint.</summary>
public sealed record ScopeDetail(
    Scope Scope,
    ManifestSummary? Active,
    ManifestSummary? LastKnownGood,
    IReadOnlyList<ManifestSummary> Candidates);

/// <summary>What an admin or release owner gives to define a scope.</summary>
public sealed record ScopeDefinition(
    string Id,
    string Name,
    string? Description,
    bool DrillTarget,
    string? ResolverProbeUrl,
    string? RulesProbeUrl,
    string? PackProbeUrl);

/// <summary>A manifest as a publisher registers it: content inline or a URL to fetch it from.</summary>
public sealed record ManifestInput(
    string Id,
    string Version,
    string ManifestChecksum,
    string PackChecksum,
    DateTimeOffset? CreatedAt,
    string? OriginRelease,
    string? Changelog,
    byte[]? ManifestContent,
    byte[]? PackContent,
    string? ManifestUrl,
    string? PackUrl);

/// <summary>The parameters a rebind token is bound to.</summary>
public sealed record RebindParameters(string ScopeId, string ManifestId);

/// <summary>A committed rebind: the scope as it now stands, the manifests on both sides, and its ledger entry.</summary>
public sealed record RebindResult(Scope Scope, ManifestSummary Active, ManifestSummary? PreviousActive, long LedgerSequence, string ConfirmedBy);
