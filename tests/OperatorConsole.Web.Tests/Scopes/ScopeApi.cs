using System.Net.Http.Json;
using System.Text;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Scopes;

/// <summary>A fresh scope per test, built through the API: manifests "{id}-v1" and "{id}-v2" with real content, v2 active, v1 last known good.</summary>
public static class ScopeApi
{
    public static async Task<string> CreateBoundScopeAsync(HttpClient releaseOwner)
    {
        var id = $"s-{Guid.NewGuid():N}"[..14];
        (await releaseOwner.PostAsJsonAsync("/api/scopes", new ScopeDefinition(
            id, $"Scope {id}", null, true, $"/demo/resolver/{id}", $"/demo/rules/{id}", $"/demo/resolver/{id}/pack"))).EnsureSuccessStatusCode();
        foreach (var v in new[] { "v1", "v2" })
        {
            var manifest = Encoding.UTF8.GetBytes($"{{\"id\":\"{id}-{v}\"}}");
            var pack = Encoding.UTF8.GetBytes($"{{\"rules\":[{{\"id\":\"{v}\"}}]}}");
            (await releaseOwner.PostAsJsonAsync($"/api/scopes/{id}/manifests", new ManifestInput(
                $"{id}-{v}", v, Checksums.Sha256(manifest), Checksums.Sha256(pack), null, null, null, manifest, pack, null, null))).EnsureSuccessStatusCode();
            (await RebindAsync(releaseOwner, id, $"{id}-{v}")).EnsureSuccessStatusCode();
        }

        return id;
    }

    public static async Task<GuardedRequest> RequestAsync(HttpClient client, string scope, string manifestId)
    {
        using var response = await client.PostAsJsonAsync($"/api/scopes/{scope}/rebind/request", new { manifestId });
        response.EnsureSuccessStatusCode();
        return await ConsoleHost.ReadAsync<GuardedRequest>(response);
    }

    public static async Task<HttpResponseMessage> RebindAsync(HttpClient client, string scope, string manifestId, string reason = "test")
    {
        var request = await RequestAsync(client, scope, manifestId);
        return await client.PostAsJsonAsync($"/api/scopes/{scope}/rebind", new { manifestId, token = request.Token, reason });
    }
}
