using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Releases;

/// <summary>
/// Promotion and rollback: both are ScopeService's two-step guarded rebind, with the release stages written in the
/// rebind's own transaction. The token is a scope-rebind token bound to the requester, the scope and the manifest, so
/// a token asked for one candidate cannot promote another.
/// </summary>
public sealed partial class ReleaseService
{
    public const int PostDeployTimeoutMs = 5000;

    /// <summary>Step one of PROMOTE_CANDIDATE: checks the candidate may go to production now and hands out the token.</summary>
    public async Task<GuardedRequest> RequestPromoteAsync(Actor actor, string? scopeId)
    {
        var candidate = await RequirePromotableAsync(actor, ScopeOf(scopeId));
        return await scopes.RequestRebindAsync(actor, candidate.ScopeId, candidate.Id);
    }

    /// <summary>
    /// Step two: binds the candidate as the scope's active manifest (the previous active becomes the last known good),
    /// marks it Promoted in production and the release it replaces Retired, then probes the resolver (post-deploy check).
    /// </summary>
    public async Task<Release> PromoteAsync(Actor actor, string? token, string? scopeId, string? operatorId = null)
    {
        var candidate = await RequirePromotableAsync(actor, ScopeOf(scopeId));
        var reason = $"Promote {candidate.Version} to production" + (operatorId is null ? string.Empty : $" (operator {operatorId})");
        await scopes.RebindAsync(actor, token ?? string.Empty, candidate.ScopeId, candidate.Id, reason);
        return await CheckAfterDeployAsync(actor, Get(candidate.Id));
    }

    /// <summary>Step one of ROLLBACK_MODEL: a token to rebind the scope to its last known good.</summary>
    public async Task<GuardedRequest> RequestRollbackAsync(Actor actor, string? scopeId)
    {
        var (scope, target) = await RequireRollbackTargetAsync(actor, ScopeOf(scopeId));
        return await scopes.RequestRebindAsync(actor, scope, target);
    }

    /// <summary>
    /// Step two: the scope returns to its last known good (allowed in lockdown: it is the safe direction); the release
    /// that was active is RolledBack and the last known good's release, if the console knows it, is back in production.
    /// </summary>
    public async Task<Release?> RollbackAsync(Actor actor, string? token, string? scopeId, string? reason, string? operatorId = null)
    {
        var (scope, target) = await RequireRollbackTargetAsync(actor, ScopeOf(scopeId));
        var why = string.IsNullOrWhiteSpace(reason) ? "ROLLBACK_MODEL: back to the last known good" : reason.Trim();
        await scopes.RebindAsync(actor, token ?? string.Empty, scope, target, why + (operatorId is null ? string.Empty : $" (operator {operatorId})"));
        return changes.Store.Read(s => s.Releases.Get(target));
    }

    /// <summary>Probes the scope's resolver: the check passes when it answers 200 and names the promoted manifest.</summary>
    private async Task<Release> CheckAfterDeployAsync(Actor actor, Release release, CancellationToken cancellationToken = default)
    {
        var url = scopes.Get(release.ScopeId)?.ResolverProbeUrl;
        PostDeployCheck check;
        if (string.IsNullOrWhiteSpace(url))
        {
            check = new PostDeployCheck(changes.Now, string.Empty, false, "No resolver probe URL is configured for this scope; nothing confirms services resolve the release.", null, 0);
        }
        else
        {
            var probe = await probes.RunAsync(new ProbeSpec("GET", url, 200, null, null, null, null, PostDeployTimeoutMs), actor.DisplayName, cancellationToken);
            var resolves = ResolverAnswer.Names(probe.BodyExcerpt, release.Id);
            var summary = !probe.Passed ? probe.Summary
                : resolves ? $"{probe.Summary}; the resolver serves {release.Id}"
                : $"{probe.Summary}, but the resolver does not name {release.Id}";
            check = new PostDeployCheck(probe.At, probe.Url, probe.Passed && resolves, summary, probe.StatusCode, probe.LatencyMs);
        }

        return await changes.RunAsync(actor, c =>
        {
            var current = Current(c, release.Id);
            return Save(c, current with { PostDeployCheck = check }, "release.post-deploy-check",
                $"Post-deploy check {(check.Passed ? "passed" : "FAILED")}: {check.Summary}", new { version = current.Version, check.Url, check.Passed, check.Summary, check.StatusCode });
        }, cancellationToken);
    }

    private Task<Release> RequirePromotableAsync(Actor actor, string scope) => changes.RunAsync(actor, c =>
    {
        c.Require(Publishers, "release.promote", $"scope:{scope}");
        _ = c.Session.Scopes.Get(scope) ?? throw new NotFoundException($"No scope '{scope}'.");
        var candidate = c.Session.Releases.List(scope).FirstOrDefault(r => r.IsCandidate)
            ?? throw new ConflictException($"Scope '{scope}' has no candidate to promote. Register a version and set it as the candidate first.");
        RequireShadowComplete(candidate, "promotion");
        c.RequireNotLockedDown("release.promote", $"release:{candidate.Id}");
        RequireLaunchGate(c, "release.promote", candidate);
        return candidate;
    });

    private Task<(string Scope, string Target)> RequireRollbackTargetAsync(Actor actor, string scopeId) => changes.RunAsync(actor, c =>
    {
        c.Require(Role.OnCall | Publishers, "release.rollback", $"scope:{scopeId}");
        var scope = c.Session.Scopes.Get(scopeId) ?? throw new NotFoundException($"No scope '{scopeId}'.");
        if (scope.LastKnownGoodId is null || scope.LastKnownGoodId == scope.ActiveManifestId)
        {
            throw new ConflictException($"Scope '{scopeId}' has no last known good to roll back to (active: {scope.ActiveManifestId ?? "none"}).");
        }

        return (scope.Id, scope.LastKnownGoodId);
    });
}
