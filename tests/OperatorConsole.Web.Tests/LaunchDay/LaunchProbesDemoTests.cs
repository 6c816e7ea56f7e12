using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.LaunchDay.Probes;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.LaunchDay;

/// <summary>Launch probes against the real host's demo resolver: baseline serves its active build, porto a bad publish.</summary>
public sealed class LaunchProbesDemoTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private LaunchProbes Probes => host.Service<LaunchProbes>();

    private ScopeService Scopes => host.Service<ScopeService>();

    [Fact]
    public async Task ProbeProduction_DemoBaseline_PassesEveryCheck()
    {
        var (scope, active) = Active("baseline");

        var checks = await Probes.ProbeProductionAsync(scope, active, CancellationToken.None);

        Assert.Equal(4, checks.Count);
        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public async Task ProbeProduction_DemoPortoWithBadPublishActive_FailsThePackChecksumAndTheRulesEndpoint()
    {
        var (scope, active) = Active("porto");

        var checks = await Probes.ProbeProductionAsync(scope, active, CancellationToken.None);

        Assert.Equal(["Active pack", "Rules endpoint"], checks.Where(c => !c.Passed).Select(c => c.Name));
        Assert.Contains("MISMATCH", checks[1].Detail, StringComparison.Ordinal);
        Assert.Contains("status 502", checks[3].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveAppFetch_DemoBaselineTargetingItsActiveBuild_ResolvesManifestAndPack()
    {
        var (scope, active) = Active("baseline");

        var checks = await Probes.LiveAppFetchAsync(scope, active, CancellationToken.None);

        Assert.Equal(["App resolves", "App manifest", "App pack"], checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public async Task LiveAppFetch_DemoPortoTargetingAnotherBuild_FailsEveryCheck()
    {
        var (scope, active) = Active("porto");
        var target = Scopes.Manifest(scope.LastKnownGoodId!);

        var checks = await Probes.LiveAppFetchAsync(scope, target, CancellationToken.None);

        Assert.Equal($"GET {scope.ResolverProbeUrl} names {active.Id}, not the target build {target.Id}", checks[0].Detail);
        Assert.All(checks, c => Assert.False(c.Passed));
    }

    private (Scope Scope, Manifest Active) Active(string scopeId)
    {
        var scope = Scopes.Get(scopeId)!;
        return (scope, Scopes.Manifest(scope.ActiveManifestId!));
    }
}
