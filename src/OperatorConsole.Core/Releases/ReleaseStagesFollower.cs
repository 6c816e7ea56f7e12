using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Releases;

/// <summary>
/// Keeps release stages true to the scope's active pointer. Binding a release's manifest puts it in production;
/// the release it replaces is rolled back when the pointer returned to the last known good, retired otherwise.
/// </summary>
public sealed class ReleaseStagesFollower : IRebindFollower
{
    public void Follow(Change change, RebindResult rebind, string reason)
    {
        var rollback = rebind.Scope.ActiveManifestId == rebind.Scope.LastKnownGoodId;
        var replaced = rebind.PreviousActive is null ? null : change.Session.Releases.Get(rebind.PreviousActive.Id);
        if (replaced is not null && (rollback || replaced.Stage == ReleaseStage.Promoted))
        {
            var (stage, action, what) = rollback
                ? (ReleaseStage.RolledBack, "release.rollback", $"Rolled back to {rebind.Active.Id}: {reason}")
                : (ReleaseStage.Retired, "release.retire", $"Superseded by {rebind.Active.Id}");
            ReleaseService.Save(change, replaced with { Stage = stage, Environment = ReleaseEnvironment.Staging, CanaryRatio = null },
                action, what, new { version = replaced.Version, activeId = rebind.Active.Id, reason });
        }

        var bound = change.Session.Releases.Get(rebind.Active.Id);
        if (bound is not null && bound.Stage != ReleaseStage.Promoted)
        {
            var (action, what) = rollback
                ? ("release.restore", $"Back in production after rolling back {rebind.PreviousActive?.Id}")
                : ("release.promote", $"Promoted to production (binding v{rebind.Scope.Version}, previous active {rebind.PreviousActive?.Id ?? "none"} is the last known good)");
            ReleaseService.Save(change, bound with { Stage = ReleaseStage.Promoted, Environment = ReleaseEnvironment.Production, PromotedAt = bound.PromotedAt ?? change.Now },
                action, what, new { version = bound.Version, bindingVersion = rebind.Scope.Version, previousActiveId = rebind.PreviousActive?.Id, lastKnownGoodId = rebind.Scope.LastKnownGoodId, reason });
        }
    }
}
