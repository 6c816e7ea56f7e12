using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.GuardedActions;

/// <summary>The action types the console guards with a confirmation token.</summary>
public static class GuardedActionTypes
{
    public const string ReleaseLockdown = "release-lockdown";
    public const string ResetFailureStatus = "reset-failure-status";
    public const string DisableProtectiveSwitch = "disable-protective-switch";

    /// <summary>Every move of a scope's active pointer: a rollback, a release's promotion or rollback, a direct rebind.</summary>
    public const string ScopeRebind = "scope.rebind";
}

/// <summary>
/// How one action type is guarded: the role the requester (and a four-eyes confirmer) must hold, whether a
/// second person must confirm, and how long a confirmation token lives.
/// </summary>
public sealed record GuardedActionPolicy(string ActionType, Role RequiredRole, bool FourEyes, TimeSpan Lifetime)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(2);
}

/// <summary>
/// An Admin's stored choice of four-eyes for one action type; it overrides the registry's default.
/// <paramref name="LedgerSequence"/> cites the entry that set it (see <see cref="Audit.SecurityRecords"/>).
/// </summary>
public sealed record GuardedActionPolicyOverride(string ActionType, bool FourEyes, string ChangedBy, DateTimeOffset ChangedAt, long? LedgerSequence = null);

/// <summary>
/// The guarded action types with their defaults. The host may pass its own policies (e.g. other lifetimes);
/// they replace the defaults of the same type. Only <see cref="GuardedActionPolicy.FourEyes"/> can be changed
/// at run time, by an Admin, through <see cref="GuardedActionService.SetFourEyesAsync"/>.
/// </summary>
public sealed class GuardedActionPolicies
{
    public static readonly IReadOnlyList<GuardedActionPolicy> Defaults =
    [
        new(GuardedActionTypes.ReleaseLockdown, Role.OnCall | Role.IncidentOwner, FourEyes: true, GuardedActionPolicy.DefaultLifetime),
        new(GuardedActionTypes.ResetFailureStatus, Role.OnCall, FourEyes: false, GuardedActionPolicy.DefaultLifetime),
        new(GuardedActionTypes.DisableProtectiveSwitch, Role.OnCall, FourEyes: false, GuardedActionPolicy.DefaultLifetime),

        // On-call runs rollbacks (004's roles), release owners bind and promote releases, and an Admin may promote in a
        // release owner's stead (issue 6): any of them may move an active pointer.
        new(GuardedActionTypes.ScopeRebind, Role.OnCall | Role.ReleaseOwner | Role.Admin, FourEyes: false, GuardedActionPolicy.DefaultLifetime),
    ];

    private readonly Dictionary<string, GuardedActionPolicy> _byType;

    public GuardedActionPolicies(IEnumerable<GuardedActionPolicy>? configured = null)
    {
        _byType = Defaults.ToDictionary(p => p.ActionType, StringComparer.Ordinal);
        foreach (var policy in configured ?? [])
        {
            if (string.IsNullOrWhiteSpace(policy.ActionType) || policy.RequiredRole == Role.None || policy.Lifetime <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Guarded action policy '{policy.ActionType}' needs a type, a role and a positive lifetime.", nameof(configured));
            }

            _byType[policy.ActionType] = policy;
        }
    }

    /// <summary>The configured policies (without the Admin's stored overrides), ordered by type.</summary>
    public IReadOnlyList<GuardedActionPolicy> Configured => [.. _byType.Values.OrderBy(p => p.ActionType, StringComparer.Ordinal)];

    /// <summary>The configured policy; a <see cref="DomainValidationException"/> for an unknown type.</summary>
    public GuardedActionPolicy Get(string actionType) =>
        actionType is not null && _byType.TryGetValue(actionType, out var policy)
            ? policy
            : throw new DomainValidationException(
                $"'{actionType}' is not a guarded action. Known: {string.Join(", ", _byType.Keys.Order(StringComparer.Ordinal))}.");

    /// <summary>
    /// The configured policy with the Admin's stored four-eyes choice applied. A stored choice that does not match
    /// the ledger entry that set it was edited outside the console: it is ignored in favour of the stricter four-eyes.
    /// </summary>
    public GuardedActionPolicy Effective(IStoreSession session, string actionType)
    {
        var policy = Get(actionType);
        var stored = session.GuardedActions.GetPolicyOverride(actionType);
        if (stored is null)
        {
            return policy;
        }

        return SecurityRecords.Problem(session.Ledger, stored) is null ? policy with { FourEyes = stored.FourEyes } : policy with { FourEyes = true };
    }
}
