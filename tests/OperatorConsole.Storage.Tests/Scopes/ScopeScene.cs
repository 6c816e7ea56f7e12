using System.Text;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Scopes;

/// <summary>A scope "porto" with three manifests whose content is real bytes and whose checksums are their SHA-256.</summary>
public static class ScopeScene
{
    public const string ScopeId = "porto";
    public const string V1 = "porto-v1";
    public const string V2 = "porto-v2";
    public const string V3 = "porto-v3";

    public static ManifestInput Input(string id, string? packChecksum = null, string? manifestChecksum = null)
    {
        var manifest = Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}");
        var pack = Encoding.UTF8.GetBytes($"{{\"rules\":[\"{id}\"]}}");
        return new ManifestInput(
            id, id[^2..], manifestChecksum ?? Checksums.Sha256(manifest), packChecksum ?? Checksums.Sha256(pack),
            null, "rel-" + id, "notes", manifest, pack, null, null);
    }

    /// <summary>Creates the scope (optionally a drill target, with probe URLs) and registers v1..v3, binding none.</summary>
    public static async Task<ScopeService> CreateAsync(TestStore store, bool drillTarget = false, string? resolverUrl = null, string? rulesUrl = null)
    {
        var scopes = store.Scopes;
        await scopes.CreateAsync(TestActors.Rita, new ScopeDefinition(ScopeId, "Porto", null, drillTarget, resolverUrl, rulesUrl, null));
        foreach (var id in new[] { V1, V2, V3 })
        {
            await scopes.RegisterManifestAsync(TestActors.Rita, ScopeId, Input(id));
        }

        return scopes;
    }

    /// <summary>Both steps of a rebind by one actor.</summary>
    public static async Task<RebindResult> RebindAsync(TestStore store, string manifestId, string reason = "release")
    {
        var scopes = store.Scopes;
        var request = await scopes.RequestRebindAsync(TestActors.Omar, ScopeId, manifestId);
        return await scopes.RebindAsync(TestActors.Omar, request.Token, ScopeId, manifestId, reason);
    }
}
