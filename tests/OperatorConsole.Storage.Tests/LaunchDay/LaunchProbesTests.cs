using System.Text;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>Production probes and the live app fetch against a publisher on loopback (allowed through the outbound policy).</summary>
public sealed class LaunchProbesTests : IDisposable
{
    private const string ManifestText = "{\"id\":\"porto-v2\",\"pack\":\"pack-v2\"}";
    private const string PackText = "{\"rules\":[\"r1\",\"r2\"]}";
    private readonly TestStore _store = new();
    private readonly LoopbackHttpServer _publisher;
    private string _resolverBody = "{\"manifestId\":\"porto-v2\"}";
    private string _packBody = PackText;
    private int _rulesStatus = 200;

    public LaunchProbesTests()
    {
        _publisher = new LoopbackHttpServer(path => path switch
        {
            "/resolver/porto" => (200, _resolverBody),
            "/resolver/porto/manifest" or "/cdn/manifest-v2.json" => (200, ManifestText),
            "/resolver/porto/pack" or "/cdn/pack-v2.json" => (200, _packBody),
            "/rules/porto" => (_rulesStatus, "{\"ruleCount\":2}"),
            _ => (404, "{}"),
        });
        _store.Outbound.AllowAsync(TestActors.Admin, _publisher.Address.Host, "test publisher").GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _publisher.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task ProbeProduction_EverythingServedAsActive_PassesAllFourChecks()
    {
        var checks = await _store.LaunchProbes.ProbeProductionAsync(Scope(), Active(), CancellationToken.None);

        Assert.Equal(["Active manifest", "Active pack", "Resolver", "Rules endpoint"], checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public async Task ProbeProduction_PackServedDiffers_FailsThePackChecksum()
    {
        _packBody = "{\"rules\":[]}";

        var pack = Check(await _store.LaunchProbes.ProbeProductionAsync(Scope(), Active(), CancellationToken.None), "Active pack");

        Assert.False(pack.Passed);
        Assert.Contains("MISMATCH", pack.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeProduction_ResolverNamesAnotherManifest_FailsNamingBoth()
    {
        _resolverBody = "{\"manifestId\":\"porto-v1\"}";

        var resolver = Check(await _store.LaunchProbes.ProbeProductionAsync(Scope(), Active(), CancellationToken.None), "Resolver");

        Assert.False(resolver.Passed);
        Assert.EndsWith("but it names porto-v1, not the active porto-v2", resolver.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeProduction_RulesEndpointAnswers503_FailsWithTheStatus()
    {
        _rulesStatus = 503;

        var rules = Check(await _store.LaunchProbes.ProbeProductionAsync(Scope(), Active(), CancellationToken.None), "Rules endpoint");

        Assert.False(rules.Passed);
        Assert.Contains("status 503", rules.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeProduction_ScopeWithoutProbeUrls_FailsSayingWhatToConfigure()
    {
        var bare = Scope() with { ResolverProbeUrl = null, RulesProbeUrl = null, PackProbeUrl = null };

        var checks = await _store.LaunchProbes.ProbeProductionAsync(bare, Active(), CancellationToken.None);

        Assert.Equal("Scope 'porto' has no resolver probe URL; set it on the scope.", Check(checks, "Resolver").Detail);
        Assert.Contains("set the scope's pack probe URL", Check(checks, "Active pack").Detail, StringComparison.Ordinal);
        Assert.All(checks.Skip(1), c => Assert.False(c.Passed));
        Assert.True(Check(checks, "Active manifest").Passed);
    }

    [Fact]
    public async Task ProbeProduction_PublisherNotOnTheAllowList_FailsAsRefused()
    {
        using var unallowed = new TestStore();

        var checks = await unallowed.LaunchProbes.ProbeProductionAsync(Scope(), Active(), CancellationToken.None);

        Assert.Contains("refused", Check(checks, "Resolver").Detail, StringComparison.Ordinal);
        Assert.False(_publisher.FirstRequest.IsCompleted);
    }

    [Fact]
    public async Task LiveAppFetch_ResolverManifestAndPackOfTheTargetBuild_Passes()
    {
        var checks = await _store.LaunchProbes.LiveAppFetchAsync(Scope(), Active(), CancellationToken.None);

        Assert.Equal(["App resolves", "App manifest", "App pack"], checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public async Task LiveAppFetch_ResolverGivingUrls_FollowsThem()
    {
        _resolverBody = "{\"manifestId\":\"porto-v2\",\"manifestUrl\":\"/cdn/manifest-v2.json\",\"packUrl\":\"/cdn/pack-v2.json\"}";
        _packBody = "{\"rules\":[]}";

        var checks = await _store.LaunchProbes.LiveAppFetchAsync(Scope() with { PackProbeUrl = null }, Active(), CancellationToken.None);

        Assert.Contains("/cdn/manifest-v2.json", Check(checks, "App manifest").Detail, StringComparison.Ordinal);
        Assert.Contains("/cdn/pack-v2.json", Check(checks, "App pack").Detail, StringComparison.Ordinal);
        Assert.False(Check(checks, "App pack").Passed);
    }

    [Fact]
    public async Task LiveAppFetch_ResolverNamesAnotherManifest_FailsAgainstTheTargetBuild()
    {
        _resolverBody = "{\"manifestId\":\"porto-v1\"}";

        var resolves = Check(await _store.LaunchProbes.LiveAppFetchAsync(Scope(), Active(), CancellationToken.None), "App resolves");

        Assert.False(resolves.Passed);
        Assert.EndsWith("names porto-v1, not the target build porto-v2", resolves.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveAppFetch_PackOfAnotherBuild_FailsThePackChecksum()
    {
        var target = Active() with { PackChecksum = Checksums.Sha256(Encoding.UTF8.GetBytes("{\"rules\":[\"new\"]}")) };

        var checks = await _store.LaunchProbes.LiveAppFetchAsync(Scope(), target, CancellationToken.None);

        Assert.True(Check(checks, "App manifest").Passed);
        Assert.False(Check(checks, "App pack").Passed);
    }

    [Fact]
    public async Task LiveAppFetch_ResolverDown_OneFailedCheckWithTheStatus()
    {
        var down = Scope() with { ResolverProbeUrl = new Uri(_publisher.Address, "/nowhere").ToString() };

        var check = Assert.Single(await _store.LaunchProbes.LiveAppFetchAsync(down, Active(), CancellationToken.None));

        Assert.False(check.Passed);
        Assert.Contains("answered 404", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveAppFetch_NoResolverUrl_FailsSayingWhatToConfigure()
    {
        var check = Assert.Single(await _store.LaunchProbes.LiveAppFetchAsync(Scope() with { ResolverProbeUrl = null }, Active(), CancellationToken.None));

        Assert.Contains("has no resolver probe URL", check.Detail, StringComparison.Ordinal);
    }

    private static LaunchCheck Check(IReadOnlyList<LaunchCheck> checks, string name) => Assert.Single(checks, c => c.Name == name);

    private Scope Scope() => new()
    {
        Id = "porto",
        Name = "Porto",
        ResolverProbeUrl = new Uri(_publisher.Address, "/resolver/porto").ToString(),
        RulesProbeUrl = new Uri(_publisher.Address, "/rules/porto").ToString(),
        PackProbeUrl = new Uri(_publisher.Address, "/resolver/porto/pack").ToString(),
        ActiveManifestId = "porto-v2",
    };

    private static Manifest Active() => new()
    {
        Id = "porto-v2",
        ScopeId = "porto",
        Version = "v2",
        ManifestChecksum = Checksums.Sha256(Encoding.UTF8.GetBytes(ManifestText)),
        PackChecksum = Checksums.Sha256(Encoding.UTF8.GetBytes(PackText)),
        CreatedAt = LaunchTestData.At,
        ManifestContent = Encoding.UTF8.GetBytes(ManifestText),
        RegisteredBy = "Rita",
        RegisteredAt = LaunchTestData.At,
    };
}
