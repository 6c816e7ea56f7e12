using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;

namespace OperatorConsole.Core.Evidence;

public sealed partial class EvidenceService
{
    /// <summary>
    /// Checks a bundle handed back to the console against what the console itself recorded when it preserved it: the
    /// "preserved" ledger entry (a launch's "evidence archived") holds the integrity hash and the hash of each part. A bundle whose hash this console
    /// never recorded is reported as foreign, never as valid, however consistent its own hashes are. Read-only.
    /// </summary>
    public BundleVerification Verify(string? bundleText)
    {
        JsonObject bundle;
        try
        {
            bundle = JsonNode.Parse(bundleText ?? "") as JsonObject
                ?? throw new JsonException("the top level is not a JSON object");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return BundleVerification.NotABundle($"The bundle is not valid JSON: {ex.Message}");
        }

        try
        {
            var claimed = BundleFields.Str(bundle, EvidenceBundle.IntegrityField);
            var body = bundle.DeepClone().AsObject();
            body.Remove(EvidenceBundle.IntegrityField);
            var kind = BundleKind.Of(bundle);
            var facts = new BundleFacts(
                claimed,
                CanonicalJson.Sha256(body),
                kind,
                BundleFields.Str(BundleFields.Obj(bundle, kind.Part), "id"),
                BundleFields.Long(BundleFields.Obj(bundle, "ledger"), "head_sequence"),
                BundleParts.Digests(BundleParts.Compute(body)),
                [.. BundleParts.Differences(body)]);
            return changes.Store.Read(s => BundleJudge.Judge(s, bundle, facts, signer));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return BundleVerification.NotABundle($"The bundle does not have the evidence-bundle shape: {ex.Message}");
        }
    }
}
