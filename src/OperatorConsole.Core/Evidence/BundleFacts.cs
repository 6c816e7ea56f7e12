using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperatorConsole.Core.Evidence;

/// <summary>What verify computes from the bundle alone, before (or without) looking at the console's own records.</summary>
internal sealed record BundleFacts(
    string ClaimedHash, string ActualHash, BundleKind Kind, string SubjectId, long HeadSequence, IReadOnlyDictionary<string, string> PartDigests, IReadOnlyList<string> SealedPartDifferences)
{
    public bool Consistent => ClaimedHash == ActualHash && SealedPartDifferences.Count == 0;

    public string Subject => Kind.Subject(SubjectId);

    /// <summary>The bundle and its facts, or why the text is not a bundle (online and offline verify read it alike).</summary>
    public static (JsonObject Bundle, BundleFacts Facts)? Read(string? bundleText, out string? problem)
    {
        JsonObject bundle;
        try
        {
            bundle = JsonNode.Parse(bundleText ?? "") as JsonObject
                ?? throw new JsonException("the top level is not a JSON object");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            problem = $"The bundle is not valid JSON: {ex.Message}";
            return null;
        }

        try
        {
            var body = bundle.DeepClone().AsObject();
            body.Remove(EvidenceBundle.IntegrityField);
            var kind = BundleKind.Of(bundle);
            problem = null;
            return (bundle, new BundleFacts(
                BundleFields.Str(bundle, EvidenceBundle.IntegrityField),
                CanonicalJson.Sha256(body),
                kind,
                BundleFields.Str(BundleFields.Obj(bundle, kind.Part), "id"),
                BundleFields.Long(BundleFields.Obj(bundle, "ledger"), "head_sequence"),
                BundleParts.Digests(BundleParts.Compute(body)),
                [.. BundleParts.Differences(body)]));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            problem = $"The bundle does not have the evidence-bundle shape: {ex.Message}";
            return null;
        }
    }

    /// <summary>Where the bundle disagrees with itself: its integrity hash, and each part that no longer matches its sealed hash.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (ClaimedHash != ActualHash)
        {
            problems.Add($"Integrity hash mismatch: the bundle claims {ClaimedHash} but its content hashes to {ActualHash}; it was changed after export.");
        }

        problems.AddRange(SealedPartDifferences);
        return problems;
    }
}
