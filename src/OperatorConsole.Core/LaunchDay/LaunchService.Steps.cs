using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>Steps 2–4 of the sequence and how any step's result is recorded.</summary>
public sealed partial class LaunchService
{
    /// <summary>Step 2: the release reached production, the scope serves it, and its post-deploy probe passed.</summary>
    public Task<Launch> ValidateFirstPublishAsync(Actor actor, string id, CancellationToken ct = default) =>
        changes.RunAsync(actor, c =>
        {
            var launch = OpenForStep(c, id, LaunchActions.ValidateFirstPublish);
            var release = c.Session.Releases.Get(launch.ReleaseId);
            var scope = c.Session.Scopes.Get(launch.ScopeId);
            var probe = release?.PostDeployCheck;
            LaunchCheck[] checks =
            [
                new("Release in production", release is { Stage: ReleaseStage.Promoted, Environment: ReleaseEnvironment.Production },
                    release is null ? $"The release {launch.ReleaseId} no longer exists." : $"{release.Version} is {release.Stage} in {release.Environment}."),
                new("Scope serves the release", scope?.ActiveManifestId == launch.ReleaseId,
                    $"{launch.ScopeId} serves {scope?.ActiveManifestId ?? "nothing"}; the launch expects {launch.ReleaseId}."),
                new("Post-deploy probe", probe?.Passed == true,
                    probe is null ? "No post-deploy probe has run for this release; it runs when the release is promoted." : $"{probe.At:yyyy-MM-dd HH:mm} UTC: {probe.Summary}"),
            ];
            return RecordStep(c, launch, LaunchStepKind.FirstPublishValidated, checks, new { releaseStage = release?.Stage, activeManifest = scope?.ActiveManifestId });
        }, ct);

    /// <summary>Role, lockdown and state gates of a step, in the order every write checks them.</summary>
    private static Launch OpenForStep(Change c, string id, string action)
    {
        c.Require(action, SubjectOf(id));
        var launch = Open(c, id);
        c.RequireNotLockedDown(action, SubjectOf(id));
        return launch;
    }

    /// <summary>
    /// Stores a step's result with its checks as evidence. Re-running a step a sign-off relied on invalidates the
    /// sign-offs given, whatever the new result, because what they vouched for was re-examined.
    /// </summary>
    private static Launch RecordStep(Change c, Launch launch, LaunchStepKind kind, IReadOnlyList<LaunchCheck> checks, object details, Func<Launch, Launch>? alsoChange = null)
    {
        var passed = checks.Count > 0 && checks.All(x => x.Passed);
        var failed = checks.Where(x => !x.Passed).Select(x => x.Name).ToList();
        var summary = passed ? $"All {checks.Count} checks passed." : $"{failed.Count} of {checks.Count} checks failed: {string.Join(", ", failed)}.";
        var changed = Invalidate(c, launch, $"{kind} was run again");
        var action = LaunchActions.Of(kind);
        var entry = c.Record(action, SubjectOf(launch.Id), new { step = kind, passed, summary, checks, details });
        var step = new LaunchStep(kind, passed ? LaunchStepState.Passed : LaunchStepState.Failed, c.Now, c.Actor.DisplayName, summary, checks, entry.Sequence);
        var next = WithStep(alsoChange is null ? changed : alsoChange(changed), step);
        return Store(c, next, entry, $"{launch.ReleaseVersion}: {kind} {(passed ? "passed" : "FAILED")}");
    }
}
