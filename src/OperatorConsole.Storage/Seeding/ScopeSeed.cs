using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Storage.Seeding;

/// <summary>
/// seed-data/scopes.json: each scope with its manifests (content read from files beside it, so checksums are real)
/// and the order to bind them in. Bindings go through the same guarded rebind as everyone's, so the seeded history,
/// ledger and last-known-good pointer are exactly what a real sequence of publishes leaves.
/// </summary>
internal static class ScopeSeed
{
    public const string FileName = "scopes.json";

    private sealed record SeedManifest(
        string Id, string Version, DateTimeOffset? CreatedAt, string? OriginRelease, string? Changelog,
        string ManifestFile, string PackFile, string ManifestChecksum, string PackChecksum);

    private sealed record SeedScope(
        string Id, string Name, string? Description, bool DrillTarget, string? ResolverProbeUrl, string? RulesProbeUrl, string? PackProbeUrl,
        SeedManifest[] Manifests, string[] Bindings);

    public static async Task<int> LoadAsync(string seedDataPath, ScopeService scopes)
    {
        var file = Path.Combine(seedDataPath, FileName);
        if (!File.Exists(file))
        {
            return 0;
        }

        var seeds = JsonSerializer.Deserialize<SeedScope[]>(await File.ReadAllTextAsync(file), new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        foreach (var s in seeds)
        {
            await scopes.CreateAsync(Actor.System, new ScopeDefinition(s.Id, s.Name, s.Description, s.DrillTarget, s.ResolverProbeUrl, s.RulesProbeUrl, s.PackProbeUrl));
            foreach (var m in s.Manifests)
            {
                await scopes.RegisterManifestAsync(Actor.System, s.Id, new ManifestInput(
                    m.Id, m.Version, m.ManifestChecksum, m.PackChecksum, m.CreatedAt, m.OriginRelease, m.Changelog,
                    await File.ReadAllBytesAsync(Path.Combine(seedDataPath, m.ManifestFile)),
                    await File.ReadAllBytesAsync(Path.Combine(seedDataPath, m.PackFile)),
                    null,
                    null));
            }

            foreach (var manifestId in s.Bindings)
            {
                var request = await scopes.RequestRebindAsync(Actor.System, s.Id, manifestId);
                await scopes.RebindAsync(Actor.System, request.Token, s.Id, manifestId, "Seeded demo binding");
            }
        }

        return seeds.Length;
    }
}
