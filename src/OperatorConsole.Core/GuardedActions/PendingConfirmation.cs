namespace OperatorConsole.Core.GuardedActions;

/// <summary>
/// A requested guarded action waiting for its confirmation. It is found by <see cref="TokenHash"/>, the SHA-256
/// of the token; the token itself is never stored. <see cref="FourEyes"/> is the policy at request time.
/// </summary>
public sealed record PendingConfirmation
{
    public required string TokenHash { get; init; }

    public required string ActionType { get; init; }

    public required string Target { get; init; }

    public required string ParametersHash { get; init; }

    public required string RequestedBy { get; init; }

    public required string RequestedByName { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required bool FourEyes { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    public string? UsedBy { get; init; }

    /// <summary>A short reference for the ledger and messages: the first 12 hex digits of the token hash.</summary>
    public string RequestId => TokenHash[..12];
}

/// <summary>What <see cref="GuardedActionService.RequestAsync"/> hands back; <see cref="Token"/> is shown once, to the requester.</summary>
public sealed record GuardedRequest(
    string Token, string RequestId, string ActionType, string Target, DateTimeOffset ExpiresAt, bool FourEyes);

/// <summary>A consumed token: who asked, who confirmed and when. The caller runs the action on the strength of it.</summary>
public sealed record GuardedConfirmation(
    string RequestId,
    string ActionType,
    string Target,
    string ParametersHash,
    string RequestedBy,
    string RequestedByName,
    DateTimeOffset RequestedAt,
    string ConfirmedBy,
    string ConfirmedByName,
    DateTimeOffset ConfirmedAt,
    bool FourEyes);

public interface IGuardedActionRepository
{
    PendingConfirmation? Get(string tokenHash);

    void Upsert(PendingConfirmation pending);

    /// <summary>The confirmation whose <see cref="PendingConfirmation.RequestId"/> (the hash's first 12 hex digits) matches.</summary>
    PendingConfirmation? FindByRequestId(string requestId);

    GuardedActionPolicyOverride? GetPolicyOverride(string actionType);

    IReadOnlyList<GuardedActionPolicyOverride> PolicyOverrides();

    void UpsertPolicyOverride(GuardedActionPolicyOverride policyOverride);

    /// <summary>Removes the confirmations that expired before <paramref name="cutoff"/>; returns how many.</summary>
    int DeleteExpiredBefore(DateTimeOffset cutoff);
}
