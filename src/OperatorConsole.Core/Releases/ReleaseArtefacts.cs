using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Releases;

/// <summary>
/// Turns a model registration into a manifest with real checksums. The pack is the artefact itself when the publisher
/// names it (URL + SHA-256, fetched again on verification); otherwise it is the model card the console stores, so the
/// demo resolver can serve it and a rollback's checksum step has bytes to recompute.
/// </summary>
internal static class ReleaseArtefacts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ManifestInput Manifest(string scopeId, string version, ReleaseInput input, IReadOnlyDictionary<string, string> metadata, DateTimeOffset now)
    {
        var id = ReleaseRules.ManifestId(scopeId, version);
        byte[]? pack = null;
        string packChecksum;
        if (string.IsNullOrWhiteSpace(input.ArtifactUrl))
        {
            pack = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { kind = "model-card", scope = scopeId, version, metadata }, Json));
            packChecksum = Checksums.Sha256(pack);
        }
        else
        {
            packChecksum = input.ArtifactSha256!.Trim();
        }

        var manifest = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            kind = "release-manifest",
            id,
            scope = scopeId,
            version,
            packChecksum,
            artifactUrl = Blank(input.ArtifactUrl),
            sbom = Blank(input.Sbom),
            createdAt = now,
        }, Json));
        return new ManifestInput(
            id, version, Checksums.Sha256(manifest), packChecksum, now, $"release:{version}", Blank(input.Changelog),
            manifest, pack, null, Blank(input.ArtifactUrl));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
