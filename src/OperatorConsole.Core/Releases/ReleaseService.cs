using Microsoft.Extensions.Options;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Releases;

/// <summary>
/// Releases through their stages (001's shadow path, 003's staging → production). Registering, advancing and promoting
/// are release-owner management actions behind the lockdown gate; shadow cycles are reported by serving services.
/// Promotion and rollback move the active pointer only through ScopeService's guarded rebind (ReleaseService.Promotion).
/// </summary>
public sealed partial class ReleaseService(ChangeRunner changes, ScopeService scopes, ProbeRunner probes, NoGoRules noGo, IOptions<ReleaseOptions> options)
{
    public const Role Publishers = Role.ReleaseOwner | Role.Admin;

    /// <summary>Serving services report shadow cycles with an OnCall or ReleaseOwner API key.</summary>
    public const Role Reporters = Role.OnCall | Role.ReleaseOwner;

    /// <summary>On-call may roll a release back as well as those who publish it.</summary>
    public const Role RollbackRoles = Role.OnCall | Publishers;

    public string DefaultScope => options.Value.DefaultScope;

    public IReadOnlyList<Release> List(string? scopeId = null) => changes.Store.Read(s => s.Releases.List(scopeId));

    public Release Get(string id) =>
        changes.Store.Read(s => s.Releases.Get(id)) ?? throw new NotFoundException($"No release '{id}'.");

    /// <summary>The release of <paramref name="version"/> in the scope; NotFound names both.</summary>
    public Release Find(string? scopeId, string? version) => changes.Store.Read(s => Find(s, ScopeOf(scopeId), version));

    public ModelSlotStatus Status(string? scopeId)
    {
        var id = ScopeOf(scopeId);
        return changes.Store.Read(s =>
            SlotOf(s, s.Scopes.Get(id) ?? throw new NotFoundException($"No scope '{id}'."), s.Releases.List(id)));
    }

    public async Task<Release> RegisterAsync(Actor actor, ReleaseInput input, string? operatorId = null)
    {
        var scopeId = ScopeOf(input.ScopeId);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(ReleaseActions.Register, $"scope:{scopeId}");
            var version = ReleaseRules.CheckVersion(scopeId, input.Version);
            ReleaseRules.Check(input);
            _ = c.Session.Scopes.Get(scopeId) ?? throw new NotFoundException($"No scope '{scopeId}'.");
            var id = ReleaseRules.ManifestId(scopeId, version);
            if (c.Session.Releases.Get(id) is not null)
            {
                throw new ConflictException($"Version '{version}' is already registered in scope '{scopeId}'; register a new version instead.");
            }

            var metadata = input.Metadata ?? new Dictionary<string, string>();
            var manifest = ReleaseArtefacts.Manifest(scopeId, version, input, metadata, c.Now);
            ScopeRules.Check(manifest);

            ScopeService.RegisterManifest(c, scopeId, manifest);
            var release = new Release
            {
                Id = id,
                ScopeId = scopeId,
                Version = version,
                Stage = ReleaseStage.Registered,
                Environment = ReleaseEnvironment.Staging,
                Metadata = metadata,
                Sbom = string.IsNullOrWhiteSpace(input.Sbom) ? null : input.Sbom.Trim(),
                Changelog = string.IsNullOrWhiteSpace(input.Changelog) ? null : input.Changelog.Trim(),
                ShadowTarget = options.Value.ShadowTarget,
                RegisteredBy = c.Actor.DisplayName,
                RegisteredAt = c.Now,
            };
            return Save(c, release, ReleaseActions.Register, $"Registered {version} in staging", new { version, release.Sbom, operatorId });
        });
    }

    /// <summary>Registered → Candidate: shadow evaluation starts; only one candidate per scope at a time.</summary>
    public async Task<Release> SetCandidateAsync(Actor actor, string? scopeId, string? version, int? shadowTarget = null, string? operatorId = null)
    {
        var scope = ScopeOf(scopeId);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(ReleaseActions.SetCandidate, $"scope:{scope}");
            var target = ReleaseRules.CheckShadowTarget(shadowTarget, options.Value.ShadowTarget);
            var current = Find(c.Session, scope, version);

            var other = c.Session.Releases.List(scope).FirstOrDefault(r => r.IsCandidate && r.Id != current.Id);
            if (other is not null)
            {
                c.Refuse(ReleaseActions.SetCandidate, $"release:{current.Id}", new { reason = "one candidate per scope", candidate = other.Id },
                    new ConflictException($"Only one candidate per scope: {other.Version} is the candidate of '{scope}' ({other.Stage}). Promote or retire it first."));
            }

            if (current.Stage != ReleaseStage.Registered)
            {
                throw new ConflictException($"{current.Version} is {current.Stage}; only a registered version can become the candidate.");
            }

            var next = current with { Stage = ReleaseStage.Candidate, ShadowTarget = target, ShadowCycles = 0 };
            return Save(c, next, ReleaseActions.SetCandidate, $"Candidate: shadow evaluation for {target} cycles", new { version = current.Version, shadowTarget = target, operatorId });
        });
    }

    /// <summary>A serving service reports shadow cycles run against the candidate (and the online metrics it measured).</summary>
    public async Task<Release> ReportShadowCyclesAsync(Actor actor, string? scopeId, long? cycles, IReadOnlyDictionary<string, double>? metrics = null, string? operatorId = null)
    {
        var scope = ScopeOf(scopeId);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(ReleaseActions.ShadowReport, $"scope:{scope}");
            var count = ReleaseRules.CheckCycles(cycles);
            var measured = ReleaseRules.CheckMetrics(metrics);

            var candidate = CandidateOf(c, scope);
            var next = candidate with
            {
                ShadowCycles = candidate.ShadowCycles + count,
                LastShadowReport = new ShadowReport(c.Now, c.Actor.DisplayName, count, measured),
            };
            var what = $"{count} shadow cycles reported ({next.ShadowCycles}/{next.ShadowTarget})";
            return Save(c, next, ReleaseActions.ShadowReport, what, new { version = candidate.Version, cycles = count, total = next.ShadowCycles, metrics = measured, operatorId }, history: next.ShadowComplete != candidate.ShadowComplete);
        });
    }

    /// <summary>Candidate/Canary → Canary with the ratio of live traffic; only after the shadow target is met.</summary>
    public async Task<Release> SetCanaryRatioAsync(Actor actor, string? scopeId, double? ratio, string? operatorId = null)
    {
        var scope = ScopeOf(scopeId);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(ReleaseActions.SetCanary, $"scope:{scope}");
            var value = ReleaseRules.CheckRatio(ratio);

            var candidate = CandidateOf(c, scope);
            RequireShadowComplete(candidate, "a canary");
            if (value > (candidate.CanaryRatio ?? 0))
            {
                RequireLaunchGate(c, ReleaseActions.SetCanary, candidate);
            }

            var next = candidate with { Stage = ReleaseStage.Canary, CanaryRatio = value };
            return Save(c, next, ReleaseActions.SetCanary, $"Canary ratio {value:0.###}", new { version = candidate.Version, ratio = value, operatorId });
        });
    }

    /// <summary>Takes a version that has not reached production off the path; frees the scope's candidate slot.</summary>
    public async Task<Release> RetireAsync(Actor actor, string? scopeId, string? version, string? reason)
    {
        var scope = ScopeOf(scopeId);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(ReleaseActions.Retire, $"scope:{scope}");
            var why = ScopeRules.RequireReason(reason);
            var current = Find(c.Session, scope, version);
            if (current.Stage is not (ReleaseStage.Registered or ReleaseStage.Candidate or ReleaseStage.Canary))
            {
                throw new ConflictException($"{current.Version} is {current.Stage}; only a version that has not reached production can be retired.");
            }

            return Save(c, current with { Stage = ReleaseStage.Retired, CanaryRatio = null }, "release.retire", $"Retired: {why}", new { version = current.Version, reason = why });
        });
    }

    private static Release Find(IStoreSession session, string scope, string? version)
    {
        var release = string.IsNullOrWhiteSpace(version) ? null : session.Releases.Get(ReleaseRules.ManifestId(scope, version.Trim()));
        return release ?? throw new NotFoundException($"Scope '{scope}' has no release version '{version}'. Register it first with REGISTER_MODEL.");
    }

    private string ScopeOf(string? scopeId) => string.IsNullOrWhiteSpace(scopeId) ? options.Value.DefaultScope : scopeId.Trim();

    private static Release Current(Change c, string id) =>
        c.Session.Releases.Get(id) ?? throw new NotFoundException($"No release '{id}'.");

    private static Release CandidateOf(Change c, string scopeId) =>
        c.Session.Releases.List(scopeId).FirstOrDefault(r => r.IsCandidate)
        ?? throw new ConflictException($"Scope '{scopeId}' has no candidate in shadow or canary. Set one with SET_CANDIDATE_MODEL first.");

    /// <summary>Launch day's no-go gate refuses expansion of a scope while a launch there is not clear.</summary>
    private void RequireLaunchGate(Change c, string action, Release release)
    {
        if (noGo.ExpansionRefusal(c.Session, release.ScopeId, release.Id, c.Now) is { } why)
        {
            c.Refuse(action, $"release:{release.Id}", new { reason = "launch no-go gate holds" }, new ConflictException(why));
        }
    }

    private static void RequireShadowComplete(Release candidate, string next)
    {
        if (!candidate.ShadowComplete)
        {
            throw new ConflictException(
                $"Stage skipped: {candidate.Version} has {candidate.ShadowCycles} of {candidate.ShadowTarget} shadow cycles; {next} must wait until the shadow target is reached.");
        }
    }

    /// <summary>
    /// Writes the release with its ledger entry and events. A history line is kept for every stage change, not for every
    /// shadow report (those are in the ledger), so the detail stays readable after thousands of cycles.
    /// </summary>
    internal static Release Save(Change c, Release release, string action, string what, object payload, bool history = true)
    {
        var entry = c.Record(action, $"release:{release.Id}", payload);
        var saved = history ? release with { History = [.. release.History, new ReleaseEvent(c.Now, c.Actor.DisplayName, release.Stage, what, entry.Sequence)] } : release;
        c.Session.Releases.Upsert(saved);
        var summary = $"{release.ScopeId} {release.Version}: {what}";
        c.Publish(Topics.Releases, action, release.Id, summary, entry.Sequence);
        c.Publish(Topics.Scope(release.ScopeId), action, release.Id, summary, entry.Sequence);
        return saved;
    }
}
