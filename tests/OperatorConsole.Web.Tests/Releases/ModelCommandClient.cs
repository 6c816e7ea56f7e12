using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Releases;

/// <summary>001's commands over POST /api/commands, and a fresh model slot per test so tests sharing a host do not meet.</summary>
public static class ModelCommandClient
{
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, object command) => client.PostAsJsonAsync("/api/commands", command);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<string> TokenAsync(HttpResponseMessage response) =>
        (await JsonAsync(response)).GetProperty("confirmation_token").GetString()!;

    /// <summary>A scope like the seeded model slot: one manifest active, the demo resolver as its probe.</summary>
    public static async Task<string> NewSlotAsync(ConsoleHost host)
    {
        var id = $"slot-{Guid.NewGuid():N}"[..13];
        var scopes = host.Service<ScopeService>();
        await scopes.CreateAsync(Actor.System, new ScopeDefinition(id, id, null, false, $"/demo/resolver/{id}", null, null));
        var content = Encoding.UTF8.GetBytes($"{{\"model\":\"{id}-v1\"}}");
        await scopes.RegisterManifestAsync(Actor.System, id, new ManifestInput(
            $"{id}-v1", "v1", Checksums.Sha256(content), Checksums.Sha256(content), null, null, null, content, content, null, null));
        var request = await scopes.RequestRebindAsync(Actor.System, id, $"{id}-v1");
        await scopes.RebindAsync(Actor.System, request.Token, id, $"{id}-v1", "test slot");
        return id;
    }

    /// <summary>Registered, candidate with a shadow target of 1 and that one cycle reported: ready for canary or promotion.</summary>
    public static async Task ShadowedAsync(HttpClient releaseOwner, string scope, string version)
    {
        (await SendAsync(releaseOwner, new { type = "REGISTER_MODEL", scope, metadata = new { version } })).EnsureSuccessStatusCode();
        (await SendAsync(releaseOwner, new { type = "SET_CANDIDATE_MODEL", scope, version, shadow_target = 1 })).EnsureSuccessStatusCode();
        (await SendAsync(releaseOwner, new { type = "HEARTBEAT", scope, cycles = 1 })).EnsureSuccessStatusCode();
    }
}
