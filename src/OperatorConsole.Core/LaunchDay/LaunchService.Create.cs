using OperatorConsole.Core.Common;
using OperatorConsole.Core.Releases;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>Starting a launch for a release, and the expected values its production config is held against.</summary>
public sealed partial class LaunchService
{
    public Task<Launch> CreateAsync(Actor actor, LaunchInput input, CancellationToken ct = default) =>
        changes.RunAsync(actor, c =>
        {
            var releaseId = input.ReleaseId?.Trim();
            c.Require(LaunchActions.Create, $"release:{releaseId}");
            if (string.IsNullOrEmpty(releaseId))
            {
                throw DomainValidationException.ForFields([new FieldProblem("releaseId", "Name the release this launch day is for.")]);
            }

            var expectations = LaunchRules.Check(input.Expectations ?? new ConfigExpectations());
            var release = c.Session.Releases.Get(releaseId) ?? throw new NotFoundException($"No release '{releaseId}'.");
            var existing = c.Session.Launches.List(release.ScopeId).FirstOrDefault(l => l.ReleaseId == release.Id);
            if (existing is not null)
            {
                throw new ConflictException($"Release {release.Version} already has its launch day ({existing.Id}); there is one per release.");
            }

            c.RequireNotLockedDown(LaunchActions.Create, $"release:{release.Id}");
            var launch = New(c, release, expectations);
            var entry = c.Record(LaunchActions.Create, SubjectOf(launch.Id),
                new { releaseId = release.Id, scopeId = release.ScopeId, version = release.Version, expectations });
            return Store(c, launch, entry, $"Launch day started for {release.ScopeId} {release.Version}");
        }, ct);

    /// <summary>New expected values; a config already verified against the old ones is no longer validated.</summary>
    public Task<Launch> SetExpectationsAsync(Actor actor, string id, ConfigExpectations expectations, CancellationToken ct = default) =>
        changes.RunAsync(actor, c =>
        {
            c.Require(LaunchActions.SetExpectations, SubjectOf(id));
            var checkedExpectations = LaunchRules.Check(expectations);
            var launch = Open(c, id);
            c.RequireNotLockedDown(LaunchActions.SetExpectations, SubjectOf(id));
            var changed = Invalidate(c, launch, "the expected config values changed");
            var config = changed.Step(LaunchStepKind.ConfigVerified);
            if (config.State != LaunchStepState.Pending)
            {
                changed = WithStep(changed, new LaunchStep(LaunchStepKind.ConfigVerified, LaunchStepState.Pending,
                    Summary: "The expected values changed; submit or fetch the production config again."));
            }

            var entry = c.Record(LaunchActions.SetExpectations, SubjectOf(id), new { expectations = checkedExpectations });
            return Store(c, changed with { Expectations = checkedExpectations }, entry, $"Expected config values set for {launch.ReleaseVersion}");
        }, ct);

    private static Launch New(Change c, Release release, ConfigExpectations expectations) => new()
    {
        Id = Guid.NewGuid().ToString("N")[..12],
        ReleaseId = release.Id,
        ScopeId = release.ScopeId,
        ReleaseVersion = release.Version,
        Expectations = expectations,
        Steps = [.. Enum.GetValues<LaunchStepKind>().Select(k => new LaunchStep(k, LaunchStepState.Pending))],
        CreatedBy = c.Actor.DisplayName,
        CreatedAt = c.Now,
    };

    private static Launch WithStep(Launch launch, LaunchStep step) =>
        launch with { Steps = [.. launch.Steps.Select(s => s.Kind == step.Kind ? step : s)] };
}
