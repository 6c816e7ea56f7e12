using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Evidence;

/// <summary><paramref name="Malformed"/>: the text is not a bundle at all, as opposed to a bundle that fails its checks.</summary>
public sealed record BundleVerification(bool Valid, IReadOnlyList<string> Problems, bool Malformed = false);

public sealed partial class EvidenceService
{
    /// <summary>
    /// Checks a bundle handed back to the console: its own integrity hash, then — where this console
    /// still holds them — the attachment bytes and the ledger entries it cites. Read-only.
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
            return Fail($"The bundle is not valid JSON: {ex.Message}");
        }

        var problems = new List<string>();
        try
        {
            CheckIntegrity(bundle, problems);
            changes.Store.Read(s =>
            {
                CheckAttachments(s, bundle, problems);
                CheckLedger(s, bundle, problems);
                return 0;
            });
            return new BundleVerification(problems.Count == 0, problems);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            // ArgumentException: JsonNode reads nested objects lazily and refuses a duplicate key only when one is first read.
            return new BundleVerification(false, [.. problems, $"The bundle does not have the evidence-bundle shape: {ex.Message}"], Malformed: true);
        }
    }

    private static BundleVerification Fail(string problem) => new(false, [problem], Malformed: true);

    private static void CheckIntegrity(JsonObject bundle, List<string> problems)
    {
        if (bundle[EvidenceBundle.IntegrityField] is not JsonValue v || !v.TryGetValue<string>(out var claimed))
        {
            problems.Add("The bundle has no integrity_hash.");
            return;
        }

        var body = bundle.DeepClone().AsObject();
        body.Remove(EvidenceBundle.IntegrityField);
        var actual = CanonicalJson.Sha256(body);
        if (!string.Equals(actual, claimed, StringComparison.Ordinal))
        {
            problems.Add($"Integrity hash mismatch: the bundle claims {claimed} but its content hashes to {actual}; it was changed after export.");
            problems.AddRange(BundleParts.Differences(body));
        }
    }

    /// <summary>Only when the incident still lives here; a bundle from elsewhere carries hashes, not bytes.</summary>
    private static void CheckAttachments(IStoreSession s, JsonObject bundle, List<string> problems)
    {
        var incidentId = BundleFields.Str(BundleFields.Obj(bundle, "incident"), "id");
        if (s.Incidents.Get(incidentId) is null)
        {
            return;
        }

        foreach (var item in BundleFields.Arr(bundle, "attachments"))
        {
            var id = BundleFields.Str(item, "id");
            var name = BundleFields.Str(item, "name");
            var recorded = BundleFields.Str(item, "sha256");
            var content = s.Attachments.Content(incidentId, id);
            if (content is null)
            {
                problems.Add($"Attachment '{name}' ({id}) is no longer stored here.");
            }
            else if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), recorded, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Attachment '{name}' ({id}): the stored bytes no longer match the SHA-256 recorded in the bundle ({recorded}).");
            }
        }
    }

    private static void CheckLedger(IStoreSession s, JsonObject bundle, List<string> problems)
    {
        var ledger = BundleFields.Obj(bundle, "ledger");
        var cited = BundleFields.Arr(ledger, "entries").Select(n => n as JsonObject ?? throw new FormatException("A ledger entry is not an object.")).ToList();
        var headSequence = BundleFields.Long(ledger, "head_sequence");
        var wanted = cited.Select(n => BundleFields.Long(n, "sequence")).Append(headSequence).ToHashSet();
        var ours = s.Ledger.All().Where(e => wanted.Contains(e.Sequence)).ToDictionary(e => e.Sequence);

        foreach (var entry in cited)
        {
            var sequence = BundleFields.Long(entry, "sequence");
            if (!ours.TryGetValue(sequence, out var here))
            {
                problems.Add($"Ledger entry {sequence} is not in this console's ledger.");
            }
            else if (CanonicalJson.Write(EvidenceBundle.LedgerNode(here)) != CanonicalJson.Write(entry))
            {
                problems.Add($"Ledger entry {sequence} does not match this console's ledger at that sequence.");
            }
        }

        var rootHash = BundleFields.Str(ledger, "root_hash");
        var headMatches = headSequence == 0
            ? rootHash == LedgerHasher.GenesisHash
            : ours.TryGetValue(headSequence, out var head) && head.Hash == rootHash;
        if (!headMatches)
        {
            problems.Add($"Ledger root hash {rootHash} does not match this console's ledger at sequence {headSequence}.");
        }
    }
}
