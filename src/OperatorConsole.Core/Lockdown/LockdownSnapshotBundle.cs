using System.Globalization;
using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Core.Lockdown;

/// <summary>
/// Seals the pre-halt state the way evidence bundles are sealed: canonical (sorted-key) JSON whose SHA-256, computed
/// without the <c>integrity_hash</c> field, is then written into it. The ledger head it cites is the entry before the
/// lockdown's own entry, because it is taken in the same transaction.
/// </summary>
public static class LockdownSnapshotBundle
{
    public const string Format = "operator-console/lockdown-snapshot/1";

    public static LockdownSnapshot Take(Change c, string lockdownId, string reason, string? incidentId, IEnumerable<ILockdownSnapshotPart> parts)
    {
        var head = c.Session.Ledger.Head();
        var bundle = new JsonObject
        {
            ["format"] = Format,
            ["lockdown"] = new JsonObject
            {
                ["id"] = lockdownId,
                ["reason"] = reason,
                ["incident_id"] = incidentId,
                ["engaged_by"] = c.Actor.DisplayName,
                ["engaged_at"] = LedgerHasher.FormatTimestamp(c.Now),
            },
            ["ledger"] = new JsonObject
            {
                ["head_sequence"] = head?.Sequence ?? 0,
                ["root_hash"] = head?.Hash ?? LedgerHasher.GenesisHash,
            },
        };
        foreach (var part in parts)
        {
            bundle[part.Name] = part.Capture(c.Session);
        }

        var hash = CanonicalJson.Sha256(bundle);
        bundle[EvidenceBundle.IntegrityField] = hash;
        var stamp = c.Now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new LockdownSnapshot(
            $"snap-{lockdownId}", lockdownId, c.Now, $"lockdown-{lockdownId}-{stamp}.json", CanonicalJson.Write(bundle), hash);
    }

    /// <summary>True when the text is a snapshot whose integrity hash still matches its content.</summary>
    public static bool Verify(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject bundle || bundle[EvidenceBundle.IntegrityField] is not JsonValue sealedHash)
        {
            return false;
        }

        bundle.Remove(EvidenceBundle.IntegrityField);
        return string.Equals(sealedHash.GetValue<string>(), CanonicalJson.Sha256(bundle), StringComparison.Ordinal);
    }
}
