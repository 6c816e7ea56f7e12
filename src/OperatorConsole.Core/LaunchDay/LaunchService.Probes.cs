using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>
/// Steps 3 and 4: probes of production and a live fetch as the app does. The gates run first, the network I/O outside
/// any write, and the write that records the result checks the gates again.
/// </summary>
public sealed partial class LaunchService
{
    /// <summary>Step 3: the active manifest, the active pack, the resolver and the rules endpoint of the launch's scope.</summary>
    public Task<Launch> RunProductionProbesAsync(Actor actor, string id, CancellationToken ct = default) =>
        ProbeAsync(actor, id, LaunchStepKind.ProductionProbes, ct);

    /// <summary>Step 4: resolve manifest and pack as the app does, and hold them against the launch's target build.</summary>
    public Task<Launch> RunLiveFetchAsync(Actor actor, string id, CancellationToken ct = default) =>
        ProbeAsync(actor, id, LaunchStepKind.LiveAppFetch, ct);

    private async Task<Launch> ProbeAsync(Actor actor, string id, LaunchStepKind kind, CancellationToken ct)
    {
        var action = LaunchActions.Of(kind);
        var (scope, manifest) = await changes.RunAsync(actor, c =>
        {
            var launch = OpenForStep(c, id, action);
            var scope = c.Session.Scopes.Get(launch.ScopeId) ?? throw new NotFoundException($"No scope '{launch.ScopeId}'.");
            var manifestId = kind == LaunchStepKind.LiveAppFetch ? launch.ReleaseId : scope.ActiveManifestId;
            return (scope, manifestId is null ? null : c.Session.Scopes.GetManifest(manifestId));
        }, ct);

        IReadOnlyList<LaunchCheck> checks = manifest is null
            ? [new LaunchCheck("Manifest", false, $"{scope.Id} has no {(kind == LaunchStepKind.LiveAppFetch ? "target" : "active")} manifest to probe; publish the release first.")]
            : kind == LaunchStepKind.LiveAppFetch
                ? await probes.LiveAppFetchAsync(scope, manifest, ct)
                : await probes.ProbeProductionAsync(scope, manifest, ct);
        return await changes.RunAsync(actor, c =>
            RecordStep(c, OpenForStep(c, id, action), kind, checks, new { scope = scope.Id, manifest = manifest?.Id }), ct);
    }
}
