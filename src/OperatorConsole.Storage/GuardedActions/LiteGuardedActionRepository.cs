using LiteDB;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.GuardedActions;

/// <summary>Pending confirmations keyed by the SHA-256 of their token, and the Admin's four-eyes overrides by action type.</summary>
internal sealed class LiteGuardedActionRepository(ILiteDatabase db, bool writable) : IGuardedActionRepository
{
    private readonly ILiteCollection<BsonDocument> _tokens = db.GetCollection(LiteSchema.GuardedTokens);
    private readonly ILiteCollection<BsonDocument> _policies = db.GetCollection(LiteSchema.GuardedPolicies);

    public PendingConfirmation? Get(string tokenHash)
    {
        var doc = _tokens.FindById(tokenHash);
        return doc is null ? null : JsonDocuments.Unwrap<PendingConfirmation>(doc);
    }

    public void Upsert(PendingConfirmation pending)
    {
        LiteSession.EnsureWritable(writable);
        _tokens.Upsert(JsonDocuments.Wrap(pending.TokenHash, pending, ("expiresAt", pending.ExpiresAt.UtcDateTime)));
    }

    public PendingConfirmation? FindByRequestId(string requestId)
    {
        var doc = _tokens.FindOne(Query.StartsWith("_id", requestId));
        return doc is null ? null : JsonDocuments.Unwrap<PendingConfirmation>(doc);
    }

    public GuardedActionPolicyOverride? GetPolicyOverride(string actionType)
    {
        var doc = _policies.FindById(actionType);
        return doc is null ? null : JsonDocuments.Unwrap<GuardedActionPolicyOverride>(doc);
    }

    public IReadOnlyList<GuardedActionPolicyOverride> PolicyOverrides() =>
        [.. _policies.FindAll().Select(JsonDocuments.Unwrap<GuardedActionPolicyOverride>).OrderBy(o => o.ActionType, StringComparer.Ordinal)];

    public void UpsertPolicyOverride(GuardedActionPolicyOverride policyOverride)
    {
        LiteSession.EnsureWritable(writable);
        _policies.Upsert(JsonDocuments.Wrap(policyOverride.ActionType, policyOverride));
    }

    public int DeleteExpiredBefore(DateTimeOffset cutoff)
    {
        LiteSession.EnsureWritable(writable);
        return _tokens.DeleteMany(Query.LT("expiresAt", cutoff.UtcDateTime));
    }
}
