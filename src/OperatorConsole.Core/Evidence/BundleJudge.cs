using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Persistence;

namespace OperatorConsole.Core.Evidence;

/// <summary>
/// Holds a bundle against the ledger entries that recorded this console issuing bundles of the same record (an
/// incident's "preserved", a launch's "evidence archived") and decides the verdict; the same for every kind.
/// </summary>
internal static class BundleJudge
{
    public static BundleVerification Judge(IStoreSession s, JsonObject bundle, BundleFacts facts, ICheckpointSigner signer)
    {
        var preserved = s.Ledger.Query(new LedgerQuery(Action: facts.Kind.IssuedAction, Subject: facts.Subject, Limit: 5000))
            .Where(e => e.Subject == facts.Subject && e.Action == facts.Kind.IssuedAction)
            .Select(e => (Entry: e, Record: PreservedRecord.Read(e.Payload)))
            .ToList();
        var issued = preserved.FirstOrDefault(p => p.Record.IntegrityHash == facts.ClaimedHash);

        // Edited and re-hashed, its hash is not ours; it still claims to be ours when it cites this console's ledger
        // (another console may use the same record id). Its origin is then the preservation after the head it cites.
        var claimedOrigin = issued;
        if (claimedOrigin.Entry is null && preserved.Count > 0 && BundleRecordsCheck.CitesThisLedger(s, bundle))
        {
            claimedOrigin = preserved.FirstOrDefault(p => p.Entry.Sequence == facts.HeadSequence + 1);
            claimedOrigin = claimedOrigin.Entry is null ? preserved[0] : claimedOrigin;
        }

        if (claimedOrigin.Entry is null)
        {
            return facts.Consistent
                ? new(BundleVerdict.ForeignConsistent, "Not issued here; internally consistent.", [], [])
                : new(BundleVerdict.ForeignInconsistent, "Not issued here; inconsistent: " + facts.Problems()[0], [], facts.Problems());
        }

        var problems = new List<string>();
        var parts = PartsDiffering(facts, claimedOrigin.Record);
        if (issued.Entry is null)
        {
            problems.Add($"This console never issued integrity hash {facts.ClaimedHash}; the bundle of {facts.Kind.Part} '{facts.SubjectId}' it issued " +
                $"at ledger entry {claimedOrigin.Entry.Sequence} has {claimedOrigin.Record.IntegrityHash}.");
        }

        problems.AddRange(facts.Problems());
        problems.AddRange(parts.Select(p => $"'{p}' differs from what this console issued at ledger entry {claimedOrigin.Entry.Sequence}."));
        if (facts.Kind == BundleKind.Incident)
        {
            BundleRecordsCheck.Attachments(s, bundle, problems);
        }

        BundleRecordsCheck.Ledger(s, bundle, problems);
        BundleRecordsCheck.Checkpoint(bundle, signer, problems);
        if (problems.Count == 0)
        {
            return new(BundleVerdict.IssuedHereValid, $"Issued here (ledger entry {issued.Entry!.Sequence}) and unchanged.", [], []);
        }

        var where = parts.Count > 0 ? $"'{string.Join("', '", parts)}'" : "the records it cites";
        return new(BundleVerdict.Tampered, $"{where} differ from what this console issued at ledger entry {claimedOrigin.Entry.Sequence}.", parts, problems);
    }

    /// <summary>Against the part digests recorded in the ledger, which no edit of the bundle can reach.</summary>
    private static List<string> PartsDiffering(BundleFacts facts, PreservedRecord recorded) =>
        recorded.Parts is null
            ? []
            : [.. recorded.Parts.Keys.Union(facts.PartDigests.Keys).Order(StringComparer.Ordinal)
                .Where(name => recorded.Parts.GetValueOrDefault(name) != facts.PartDigests.GetValueOrDefault(name))];
}

/// <summary>The payload of a "preserved" ledger entry, read leniently: an older entry has no part digests.</summary>
internal sealed record PreservedRecord(string? IntegrityHash, IReadOnlyDictionary<string, string>? Parts)
{
    public static PreservedRecord Read(string payload)
    {
        try
        {
            var node = JsonNode.Parse(payload) as JsonObject;
            var hash = node?["integrityHash"] is JsonValue v && v.TryGetValue<string>(out var h) ? h : null;
            var parts = node?["parts"] is JsonObject p
                ? p.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => kv.Value!.ToString())
                : null;
            return new PreservedRecord(hash, parts);
        }
        catch (JsonException)
        {
            return new PreservedRecord(null, null);
        }
    }
}
