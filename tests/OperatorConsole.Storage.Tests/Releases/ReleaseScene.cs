using OperatorConsole.Core.Releases;
using OperatorConsole.Storage.Tests.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Releases;

/// <summary>
/// Scope "porto" (the default scope here) with v1 bound active and a resolver that answers with whatever the store
/// has bound at the moment of the probe, so the post-deploy check is a real HTTP probe.
/// </summary>
public sealed class ReleaseScene : IDisposable
{
    public const string Version = "M-Sorter-V4";
    public const int ShadowTarget = 10;

    private readonly LoopbackHttpServer _resolver;

    private ReleaseScene(TestStore store)
    {
        Store = store;
        _resolver = new LoopbackHttpServer(_ => (200, $"{{\"manifestId\":\"{store.Scopes.Active(ScopeScene.ScopeId).Active.Id}\"}}"));
    }

    public TestStore Store { get; }

    public ReleaseService Releases => Store.Releases;

    public static string ReleaseId => ReleaseRules.ManifestId(ScopeScene.ScopeId, Version);

    public static async Task<ReleaseScene> CreateAsync()
    {
        var scene = new ReleaseScene(new TestStore());
        await scene.Store.Outbound.AllowAsync(TestActors.Admin, scene._resolver.Address.Host, "the test resolver on loopback");
        await ScopeScene.CreateAsync(scene.Store, resolverUrl: new Uri(scene._resolver.Address, "/resolver/porto").ToString());
        await ScopeScene.RebindAsync(scene.Store, ScopeScene.V1);
        return scene;
    }

    public Task<Release> RegisterAsync(string version = Version) =>
        Releases.RegisterAsync(TestActors.Rita, new ReleaseInput(null, version, new Dictionary<string, string> { ["framework"] = "\"onnx\"" }, null, null, "sbom/sorter-v4.spdx.json", "Wider lane."));

    /// <summary>Registered, candidate, and the whole shadow target reported.</summary>
    public async Task<Release> ShadowedAsync()
    {
        await RegisterAsync();
        await Releases.SetCandidateAsync(TestActors.Rita, null, Version, ShadowTarget);
        return await Releases.ReportShadowCyclesAsync(TestActors.Omar, null, ShadowTarget);
    }

    public async Task<Release> PromoteAsync()
    {
        var request = await Releases.RequestPromoteAsync(TestActors.Rita, null);
        return await Releases.PromoteAsync(TestActors.Rita, request.Token, null, "Op-01");
    }

    public void Dispose()
    {
        _resolver.Dispose();
        Store.Dispose();
    }
}
