using System.Globalization;
using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>
/// A launch archived as an evidence bundle: the same format, sealing and verification as an incident's
/// (docs/evidence-bundle.md), with the launch record under "launch" and its steps, sign-offs and config snapshot as
/// their own parts, so that verify names the one that changed (e.g. "'sign_offs' item 2 (area Qa) was changed").
/// </summary>
public static class LaunchBundle
{
    /// <summary>The ledger entry that records an archived launch bundle, on subject <c>launch:{id}</c>.</summary>
    public const string ArchiveAction = "launch.evidence-archived";

    // Held as parts of their own, or derived from them.
    private static readonly string[] OwnParts = ["steps", "sign_offs", "config_snapshot", "valid_sign_offs", "is_complete"];

    /// <summary>An entry belongs to the launch when its subject is <c>launch:{id}</c> or below it.</summary>
    public static bool IsLaunchSubject(string subject, string launchId) => BundleKind.Launch.Covers(subject, launchId);

    public static JsonObject Build(Launch launch, IReadOnlyList<LedgerEntry> ledgerEntries, LedgerEntry? head, DateTimeOffset preservedAt, string preservedBy)
    {
        var record = EvidenceBundle.Node(launch)!.AsObject();
        foreach (var part in OwnParts)
        {
            record.Remove(part);
        }

        return new JsonObject
        {
            ["format"] = EvidenceBundle.Format,
            ["launch"] = record,
            ["steps"] = EvidenceBundle.Node(launch.Steps),
            ["sign_offs"] = EvidenceBundle.Node(launch.SignOffs),
            ["config_snapshot"] = EvidenceBundle.Node(launch.ConfigSnapshot),
            ["ledger"] = EvidenceBundle.LedgerPart(ledgerEntries, head),
            ["preserved_at"] = LedgerHasher.FormatTimestamp(preservedAt),
            ["preserved_by"] = preservedBy,
        };
    }

    /// <summary>
    /// Inside the archiving write: seals the launch with every ledger entry of it so far and records
    /// <see cref="ArchiveAction"/> with the integrity hash and part digests, exactly as an incident's preservation does,
    /// so <see cref="EvidenceService.Verify"/> knows the bundle as issued here.
    /// </summary>
    public static PreservedBundle Archive(Change c, BundleSealer sealer, Launch launch)
    {
        var ledger = c.Session.Ledger.All().Where(e => IsLaunchSubject(e.Subject, launch.Id)).ToList();
        var (json, hash, parts) = sealer.Seal(c.Session, head => Build(launch, ledger, head, c.Now, c.Actor.DisplayName));
        c.Record(ArchiveAction, BundleKind.Launch.Subject(launch.Id), new { integrityHash = hash, ledgerEntries = ledger.Count, parts });
        var stamp = c.Now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new PreservedBundle($"launch-{launch.Id}-{stamp}.json", json, hash);
    }
}
