using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Evidence;

/// <summary>A bundle against what the console still holds: attachment bytes, its ledger entries, its checkpoint key.</summary>
internal static class BundleRecordsCheck
{
    /// <summary>Only when the incident still lives here; a bundle from elsewhere carries hashes, not bytes.</summary>
    public static void Attachments(IStoreSession s, JsonObject bundle, List<string> problems)
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

    public static void Ledger(IStoreSession s, JsonObject bundle, List<string> problems)
    {
        var ledger = BundleFields.Obj(bundle, "ledger");
        var cited = BundleFields.Arr(ledger, "entries").Select(n => n as JsonObject ?? throw new FormatException("A ledger entry is not an object.")).ToList();
        var headSequence = BundleFields.Long(ledger, "head_sequence");
        foreach (var entry in cited)
        {
            var sequence = BundleFields.Long(entry, "sequence");
            var here = s.Ledger.Get(sequence);
            if (here is null)
            {
                problems.Add($"Ledger entry {sequence} is not in this console's ledger.");
            }
            else if (CanonicalJson.Write(EvidenceBundle.LedgerNode(here)) != CanonicalJson.Write(entry))
            {
                problems.Add($"Ledger entry {sequence} does not match this console's ledger at that sequence.");
            }
        }

        var rootHash = BundleFields.Str(ledger, "root_hash");
        var headMatches = headSequence == 0 ? rootHash == LedgerHasher.GenesisHash : s.Ledger.Get(headSequence)?.Hash == rootHash;
        if (!headMatches)
        {
            problems.Add($"Ledger root hash {rootHash} does not match this console's ledger at sequence {headSequence}.");
        }
    }

    /// <summary>Whether the bundle's ledger head or any entry it cites is this console's own, hash for hash.</summary>
    public static bool CitesThisLedger(IStoreSession s, JsonObject bundle)
    {
        var ledger = BundleFields.Obj(bundle, "ledger");
        var head = s.Ledger.Get(BundleFields.Long(ledger, "head_sequence"));
        return head?.Hash == BundleFields.Str(ledger, "root_hash")
            || BundleFields.Arr(ledger, "entries").OfType<JsonObject>().Any(e =>
                s.Ledger.Get(BundleFields.Long(e, "sequence"))?.Hash == BundleFields.Str(e, "hash"));
    }

    /// <summary>The checkpoint that sealed the bundle's ledger head must carry this console's signature over that head.</summary>
    public static void Checkpoint(JsonObject bundle, ICheckpointSigner signer, List<string> problems)
    {
        if (bundle[EvidenceBundle.CheckpointField] is not JsonObject node)
        {
            return;
        }

        var checkpoint = EvidenceBundle.ReadCheckpoint(node);
        var ledger = BundleFields.Obj(bundle, "ledger");
        if (checkpoint.Sequence != BundleFields.Long(ledger, "head_sequence") || checkpoint.EntryHash != BundleFields.Str(ledger, "root_hash"))
        {
            problems.Add($"Checkpoint #{checkpoint.Number} does not seal the ledger head the bundle cites.");
        }

        if (checkpoint.KeyId != signer.KeyId || !signer.Verify(checkpoint.SignedText, checkpoint.Signature))
        {
            problems.Add($"Checkpoint #{checkpoint.Number} is not signed by this console's key {signer.KeyId}.");
        }
    }
}
