using OperatorConsole.Core.Rollback;

namespace OperatorConsole.Core.Scopes;

/// <summary>Whether the active manifest's stored bytes hash to the checksums its publisher declared.</summary>
public enum ActiveVerification
{
    /// <summary>Manifest and pack content are stored and both checksums match.</summary>
    Passed,

    /// <summary>A stored checksum does not match: the active publish is bad.</summary>
    Failed,

    /// <summary>No active manifest, or its content lives behind a URL only a verification on the scope page fetches.</summary>
    NotChecked,
}

/// <summary>
/// Where a scope stands: whether its active publish is the last known good, whether it verifies, and whether its
/// rollback objective is proven. Pages and the API show this one answer, so "bad" means the same everywhere.
/// </summary>
public sealed record ScopeStanding(
    string ScopeId,
    string Name,
    string? ActiveManifestId,
    string? LastKnownGoodId,
    ActiveVerification Verification,
    string? VerificationProblem,
    ObjectiveProof Objective)
{
    /// <summary>False once a publish newer than the last known good is active, i.e. it is not yet proven by a rollback target.</summary>
    public bool ActiveIsLastKnownGood => ActiveManifestId is not null && ActiveManifestId == LastKnownGoodId;

    /// <summary>The active publish failed verification: roll back to the last known good.</summary>
    public bool ActiveIsBad => Verification == ActiveVerification.Failed;

    /// <summary>Worth a look on the command centre: a bad publish, or an active publish that is not the last known good.</summary>
    public bool NeedsAttention => ActiveIsBad || (ActiveManifestId is not null && !ActiveIsLastKnownGood);
}
