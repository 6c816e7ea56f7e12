using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;

namespace OperatorConsole.Core.Evidence;

/// <summary>
/// What can be said of a bundle with no console at hand: whether it agrees with itself. Only the console that issued
/// it can say it issued this very bundle (<see cref="EvidenceService.Verify"/>); offline, the checkpoint proves the
/// ledger head was sealed by the holder of <see cref="KeyId"/>, which means something only when that is the console's
/// published key.
/// </summary>
public sealed record OfflineBundleVerification(bool Consistent, string Kind, string SubjectId, string IntegrityHash, string? KeyId, IReadOnlyList<string> Problems)
{
    /// <summary>False when the text is not a bundle at all; <see cref="Problems"/> then says why.</summary>
    public bool Readable => Kind.Length > 0;

    public static OfflineBundleVerification Unreadable(string problem) => new(false, "", "", "", null, [problem]);
}

/// <summary>The offline checks of docs/verify_bundle.py, on the same code the console's own verify uses.</summary>
public static class OfflineBundleCheck
{
    /// <param name="publicKeyPem">The console's published key (GET /api/ledger/public-key); the key the bundle carries otherwise.</param>
    public static OfflineBundleVerification Verify(string? bundleText, string? publicKeyPem = null)
    {
        if (BundleFacts.Read(bundleText, out var problem) is not var (bundle, facts))
        {
            return OfflineBundleVerification.Unreadable(problem!);
        }

        try
        {
            var problems = facts.Problems();
            var ledger = BundleFields.Obj(bundle, "ledger");
            foreach (var entry in BundleFields.Arr(ledger, "entries").OfType<JsonObject>())
            {
                if (LedgerHasher.ComputeHash(ReadEntry(entry)) != BundleFields.Str(entry, "hash"))
                {
                    problems.Add($"Ledger entry {BundleFields.Long(entry, "sequence")} does not match its hash.");
                }
            }

            var keyId = Checkpoint(bundle, ledger, publicKeyPem, problems);
            return new(problems.Count == 0, facts.Kind.Part, facts.SubjectId, facts.ActualHash, keyId, problems);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return OfflineBundleVerification.Unreadable($"The bundle does not have the evidence-bundle shape: {ex.Message}");
        }
    }

    private static LedgerEntry ReadEntry(JsonObject e) => new(
        BundleFields.Long(e, "sequence"), BundleFields.Str(e, "timestamp"), BundleFields.Str(e, "actor"), BundleFields.Str(e, "action"),
        BundleFields.Str(e, "subject"), BundleFields.Str(e, "outcome"), BundleFields.Str(e, "payload"), BundleFields.Str(e, "previous_hash"),
        BundleFields.Str(e, "hash"));

    /// <summary>Checks the checkpoint seals the cited head under the key; returns the id of the key that checked it.</summary>
    private static string? Checkpoint(JsonObject bundle, JsonObject ledger, string? publicKeyPem, List<string> problems)
    {
        if (bundle[EvidenceBundle.CheckpointField] is not JsonObject node)
        {
            problems.Add("The bundle carries no checkpoint of its ledger head.");
            return null;
        }

        var checkpoint = EvidenceBundle.ReadCheckpoint(node);
        if (checkpoint.Sequence != BundleFields.Long(ledger, "head_sequence") || checkpoint.EntryHash != BundleFields.Str(ledger, "root_hash"))
        {
            problems.Add($"Checkpoint #{checkpoint.Number} does not seal the ledger head the bundle cites.");
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(publicKeyPem ?? BundleFields.Str(node, "public_key_pem"));
        }
        catch (CryptographicException)
        {
            problems.Add("The public key to check the checkpoint with is not a PEM public key.");
            return null;
        }

        var keyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
        var signature = new byte[128];
        var signed = Convert.TryFromBase64String(checkpoint.Signature, signature, out var length)
            && key.VerifyData(Encoding.UTF8.GetBytes(checkpoint.SignedText), signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (!signed || checkpoint.KeyId != keyId)
        {
            problems.Add($"Checkpoint #{checkpoint.Number} is not signed by key {keyId}.");
        }

        return keyId;
    }
}
