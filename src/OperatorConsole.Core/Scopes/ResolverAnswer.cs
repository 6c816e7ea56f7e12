using System.Text.Json;

namespace OperatorConsole.Core.Scopes;

/// <summary>
/// What a resolver's JSON answer says: which manifest services resolve, and where the manifest and pack are when it
/// gives their URLs. Read the same way by the post-deploy check, the rollback probe and launch day's live fetch.
/// </summary>
public sealed record ResolverAnswer(string? ManifestId, string? ManifestUrl, string? PackUrl)
{
    private static readonly string[] IdFields = ["manifestId", "manifest_id", "manifest", "id"];

    /// <summary>Whether the answer names <paramref name="manifestId"/> as a JSON string (not merely as part of a longer id).</summary>
    public static bool Names(string? body, string manifestId) => body?.Contains($"\"{manifestId}\"", StringComparison.Ordinal) == true;

    /// <summary>The answer read leniently: a body that is not a JSON object names nothing.</summary>
    public static ResolverAnswer Read(string? body)
    {
        try
        {
            using var document = JsonDocument.Parse(body ?? "");
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object
                ? new(null, null, null)
                : new(IdFields.Select(f => Text(root, f)).FirstOrDefault(v => v is not null), Text(root, "manifestUrl") ?? Text(root, "manifest_url"), Text(root, "packUrl") ?? Text(root, "pack_url"));
        }
        catch (JsonException)
        {
            return new(null, null, null);
        }
    }

    private static string? Text(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
