using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.GuardedActions;

/// <summary>Pending confirmations keyed by the SHA-256 of their token, and the Admin's four-eyes overrides by action type.</summary>
internal sealed class PgGuardedActionRepository(PgContext db) : IGuardedActionRepository
{
    private readonly PgDocuments _tokens = new(db, "guarded_tokens");
    private readonly PgDocuments _policies = new(db, "guarded_policies");

    public PendingConfirmation? Get(string tokenHash) => _tokens.Get<PendingConfirmation>(tokenHash);

    public void Upsert(PendingConfirmation pending) =>
        _tokens.Upsert(pending.TokenHash, pending, ("expires_at", pending.ExpiresAt.ToUniversalTime()));

    public PendingConfirmation? FindByRequestId(string requestId) =>
        _tokens.Ordered<PendingConfirmation>("starts_with(id, @request)", "ORDER BY id LIMIT 1", ("request", requestId)).FirstOrDefault();

    public GuardedActionPolicyOverride? GetPolicyOverride(string actionType) => _policies.Get<GuardedActionPolicyOverride>(actionType);

    public IReadOnlyList<GuardedActionPolicyOverride> PolicyOverrides() => _policies.Ordered<GuardedActionPolicyOverride>("true", "ORDER BY id");

    public void UpsertPolicyOverride(GuardedActionPolicyOverride policyOverride) =>
        _policies.Upsert(policyOverride.ActionType, policyOverride);

    public int DeleteExpiredBefore(DateTimeOffset cutoff) => _tokens.Delete("expires_at < @cutoff", ("cutoff", cutoff.ToUniversalTime()));
}
