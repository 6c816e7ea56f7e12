using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Evidence;

/// <summary>A sealed bundle: the file text, its integrity hash, and the digest of each part for the ledger entry that records it.</summary>
public sealed record SealedBundle(string Json, string IntegrityHash, IReadOnlyDictionary<string, string> Parts);

/// <summary>
/// Seals a bundle inside the write that records it, for every kind of bundle: the ledger head is sealed into a signed
/// checkpoint first, the bundle is built on that head and carries the checkpoint, then the part hashes and the integrity
/// hash are added. The caller records the issuing ledger entry (its integrity hash and part digests) in the same write,
/// so the cited head is exactly the entry before it.
/// </summary>
public sealed class BundleSealer(LedgerSealer ledgerSealer, ICheckpointSigner signer)
{
    public SealedBundle Seal(IStoreSession session, Func<LedgerEntry?, JsonObject> build)
    {
        var checkpoint = ledgerSealer.Seal(session, CheckpointReasons.BundleExport);
        var bundle = build(session.Ledger.Head());
        if (checkpoint is not null)
        {
            bundle[EvidenceBundle.CheckpointField] = EvidenceBundle.CheckpointNode(checkpoint, signer.PublicKeyPem);
        }

        var json = EvidenceBundle.Seal(bundle, out var hash);
        return new SealedBundle(json, hash, BundleParts.Digests((JsonObject)bundle[BundleParts.Field]!));
    }
}
