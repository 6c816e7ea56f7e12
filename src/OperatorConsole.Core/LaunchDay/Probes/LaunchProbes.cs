using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.LaunchDay.Probes;

/// <summary>
/// Launch day's production probes (step 3) and live app fetch (step 4). They read what production serves through the
/// same probe runner and content reader as the rollback read-back and the release post-deploy check, so every request
/// goes through the outbound policy. A failure is a failed check saying what was seen, never an exception; a URL the
/// scope lacks is a failed check saying what to configure.
/// </summary>
public sealed partial class LaunchProbes(ContentReader content, ProbeRunner probes)
{
    public const string ExecutedBy = "Launch day";
    private const int ProbeTimeoutMs = 5000;

    /// <summary>The active manifest and pack checksums, the resolver naming the active manifest, and the rules endpoint answering.</summary>
    public async Task<IReadOnlyList<LaunchCheck>> ProbeProductionAsync(Scope scope, Manifest active, CancellationToken ct)
    {
        var manifest = active.ManifestContent is null && active.ManifestUrl is null
            ? Missing("Active manifest", $"Manifest {active.Id} has neither stored content nor a URL; register it with its content or manifest URL.")
            : Checksum("Active manifest", await content.ChecksumAsync("manifest", active.ManifestChecksum, active.ManifestContent, active.ManifestUrl, ct));
        var packUrl = scope.PackProbeUrl ?? active.PackUrl;
        var pack = packUrl is null
            ? Missing("Active pack", $"Scope '{scope.Id}' has no pack probe URL and manifest {active.Id} no pack URL; set the scope's pack probe URL.")
            : Checksum("Active pack", await content.ChecksumAsync("pack", active.PackChecksum, null, packUrl, ct));
        return [manifest, pack, await ResolverAsync(scope, active.Id, ct), await RulesAsync(scope, ct)];
    }

    private async Task<LaunchCheck> ResolverAsync(Scope scope, string manifestId, CancellationToken ct)
    {
        if (scope.ResolverProbeUrl is null)
        {
            return Missing("Resolver", $"Scope '{scope.Id}' has no resolver probe URL; set it on the scope.");
        }

        var probe = await probes.RunAsync(Get(scope.ResolverProbeUrl), ExecutedBy, ct);
        return !probe.Passed ? new("Resolver", false, $"GET {probe.Url}: {probe.Summary}")
            : ResolverAnswer.Names(probe.BodyExcerpt, manifestId) ? new("Resolver", true, $"GET {probe.Url}: {probe.Summary}; it names {manifestId}")
            : new("Resolver", false, $"GET {probe.Url}: {probe.Summary}, but it names {ResolverAnswer.Read(probe.BodyExcerpt).ManifestId ?? "no manifest"}, not the active {manifestId}");
    }

    private async Task<LaunchCheck> RulesAsync(Scope scope, CancellationToken ct)
    {
        if (scope.RulesProbeUrl is null)
        {
            return Missing("Rules endpoint", $"Scope '{scope.Id}' has no rules probe URL; set it on the scope.");
        }

        var probe = await probes.RunAsync(Get(scope.RulesProbeUrl), ExecutedBy, ct);
        return new("Rules endpoint", probe.Passed, $"GET {probe.Url}: {probe.Summary}");
    }

    private static LaunchCheck Checksum(string name, ChecksumCheck check) => new(name, check.Match, check.Describe());

    private static LaunchCheck Missing(string name, string what) => new(name, false, what);

    private static ProbeSpec Get(string url) => new("GET", url, 200, null, null, null, null, ProbeTimeoutMs);
}
