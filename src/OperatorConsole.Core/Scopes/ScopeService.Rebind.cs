using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Scopes;

/// <summary>
/// Moving a scope's active pointer. Every rebind — from the scope page, the API, a rollback or the seed — goes
/// through <see cref="RebindAsync"/>, so a rule about rebinding is added in exactly one place.
/// </summary>
public sealed partial class ScopeService
{
    public const string RebindAction = ScopeActions.Rebind;

    /// <summary>Step one: checks the rebind would be accepted now and hands out its confirmation token.</summary>
    public async Task<GuardedRequest> RequestRebindAsync(Actor actor, string scopeId, string manifestId)
    {
        return await guarded.RequestCheckedAsync(actor, GuardedActionTypes.ScopeRebind, scopeId, c =>
        {
            RequireRebindAllowed(c, scopeId, manifestId);
            return new RebindParameters(scopeId, manifestId);
        });
    }

    /// <summary>
    /// Step two: consumes the token and binds <paramref name="manifestId"/> as active in one transaction, with the
    /// ledger entry, the history line and the live events. The previous active becomes the last known good, except
    /// when the pointer returns to the last known good itself (a rollback): then the last known good stays.
    /// Every <see cref="IRebindFollower"/> writes the state that follows the pointer in the same transaction.
    /// </summary>
    public async Task<RebindResult> RebindAsync(
        Actor actor, string token, string scopeId, string manifestId, string? reason, string? rollbackId = null)
    {
        await guarded.RequireRoleAsync(actor, GuardedActionTypes.ScopeRebind, scopeId, confirming: true);
        var why = ScopeRules.RequireReason(reason);
        return await guarded.RunGuardedAsync(actor, token, GuardedActionTypes.ScopeRebind, scopeId, new RebindParameters(scopeId, manifestId), (c, confirmation) =>
        {
            var (scope, manifest) = RequireRebindAllowed(c, scopeId, manifestId);
            var previous = scope.ActiveManifestId is null ? null : c.Session.Scopes.GetManifest(scope.ActiveManifestId);
            var lastKnownGood = manifest.Id == scope.LastKnownGoodId ? scope.LastKnownGoodId : previous?.Id ?? scope.LastKnownGoodId;
            var entry = c.Record(RebindAction, $"scope:{scopeId}", new
            {
                manifestId,
                manifest.Version,
                manifest.ManifestChecksum,
                manifest.PackChecksum,
                previousActiveId = previous?.Id,
                lastKnownGoodId = lastKnownGood,
                reason = why,
                rollbackId,
                requestId = confirmation.RequestId,
            });
            var version = scope.Version + 1;
            var rebound = scope with
            {
                ActiveManifestId = manifest.Id,
                LastKnownGoodId = lastKnownGood,
                Version = version,
                History = [.. scope.History, new BindingEntry(version, c.Now, c.Actor.Id, c.Actor.DisplayName, manifest.Id, previous?.Id, lastKnownGood, why, entry.Sequence, rollbackId)],
            };
            c.Session.Scopes.Upsert(rebound);
            var summary = $"{scopeId} active → {manifest.Id} {manifest.Version} (binding v{version}) by {c.Actor.DisplayName}: {why}";
            // The event carries the new active manifest, so a resolving client needs no GetActiveManifest round trip.
            var lkg = lastKnownGood is null ? null : c.Session.Scopes.GetManifest(lastKnownGood);
            var active = new ActiveManifest(scopeId, version, manifest.Summary(), lkg?.Summary(), c.Now, c.Actor.DisplayName);
            c.Publish(Topics.Scope(scopeId), ScopeEvents.Rebound, scopeId, summary, entry.Sequence, version, active);
            c.Publish(Topics.Scopes, ScopeEvents.Rebound, scopeId, summary, entry.Sequence, version, active);
            var result = new RebindResult(rebound, manifest.Summary(), previous?.Summary(), entry.Sequence, confirmation.ConfirmedByName);
            foreach (var follower in followers)
            {
                follower.Follow(c, result, why);
            }

            return result;
        });
    }

    /// <summary>
    /// Validates the rebind and applies the lockdown gate. Returning to the last known good is the rebind's safe
    /// direction (like flipping a kill switch toward safe), so a rollback still works in lockdown; binding anything
    /// else is a management action and is refused.
    /// </summary>
    private static (Scope Scope, Manifest Manifest) RequireRebindAllowed(Change c, string scopeId, string manifestId)
    {
        var (scope, manifest) = Validate(c.Session.Scopes, scopeId, manifestId);
        if (manifestId != scope.LastKnownGoodId)
        {
            c.RequireNotLockedDown(RebindAction, $"scope:{scopeId}");
        }

        return (scope, manifest);
    }

    private static (Scope Scope, Manifest Manifest) Validate(IScopeRepository scopes, string scopeId, string manifestId)
    {
        var scope = scopes.Get(scopeId) ?? throw UnknownScope(scopeId);
        var manifest = scopes.GetManifest(manifestId);
        if (manifest is null || manifest.ScopeId != scopeId)
        {
            throw new NotFoundException($"Scope '{scopeId}' has no manifest '{manifestId}'.");
        }

        if (scope.ActiveManifestId == manifestId)
        {
            throw new ConflictException($"Manifest '{manifestId}' is already active in scope '{scopeId}'.");
        }

        return (scope, manifest);
    }
}
