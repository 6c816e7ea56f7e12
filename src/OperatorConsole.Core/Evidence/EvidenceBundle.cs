using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Core.Evidence;

/// <summary>The file a preserved incident becomes. See docs/evidence-bundle.md for the format.</summary>
public sealed record PreservedBundle(string FileName, string Json, string IntegrityHash);

/// <summary>Builds and seals bundles: plain data in, canonical JSON with its integrity hash out.</summary>
public static class EvidenceBundle
{
    public const string Format = "operator-console/evidence-bundle/1";
    public const string IntegrityField = "integrity_hash";
    public const string CheckpointField = "checkpoint";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(), new UtcTimestampConverter() },
    };

    /// <summary>An entry belongs to the incident when its subject is <c>incident:{id}</c> or below it (<c>incident:{id}/…</c>).</summary>
    public static bool IsIncidentSubject(string subject, string incidentId) => BundleKind.Incident.Covers(subject, incidentId);

    public static JsonObject Build(
        Incident incident,
        IReadOnlyList<TimelineEntry> timeline,
        IReadOnlyList<EvidenceRecord> evidence,
        IReadOnlyList<Attachment> attachments,
        IReadOnlyList<LedgerEntry> ledgerEntries,
        LedgerEntry? ledgerHead,
        DateTimeOffset preservedAt,
        string preservedBy) => new()
        {
            ["format"] = Format,
            ["incident"] = Node(incident),
            ["timeline"] = Node(timeline),
            ["evidence_records"] = Node(evidence),
            ["attachments"] = Node(attachments),
            ["ledger"] = LedgerPart(ledgerEntries, ledgerHead),
            ["preserved_at"] = LedgerHasher.FormatTimestamp(preservedAt),
            ["preserved_by"] = preservedBy,
        };

    /// <summary>The record's ledger entries and the head of the whole ledger at export, as every bundle carries them.</summary>
    public static JsonObject LedgerPart(IReadOnlyList<LedgerEntry> ledgerEntries, LedgerEntry? ledgerHead) => new()
    {
        ["head_sequence"] = ledgerHead?.Sequence ?? 0,
        ["root_hash"] = ledgerHead?.Hash ?? LedgerHasher.GenesisHash,
        ["entries"] = new JsonArray([.. ledgerEntries.Select(LedgerNode)]),
    };

    /// <summary>Adds the part hashes, then the integrity hash (over the canonical JSON without it), and returns the file text.</summary>
    public static string Seal(JsonObject bundle, out string integrityHash)
    {
        bundle.Remove(IntegrityField);
        bundle[BundleParts.Field] = BundleParts.Compute(bundle);
        integrityHash = CanonicalJson.Sha256(bundle);
        bundle[IntegrityField] = integrityHash;
        return CanonicalJson.Write(bundle);
    }

    public static JsonObject LedgerNode(LedgerEntry e) => new()
    {
        ["sequence"] = e.Sequence,
        ["timestamp"] = e.Timestamp,
        ["actor"] = e.Actor,
        ["action"] = e.Action,
        ["subject"] = e.Subject,
        ["outcome"] = e.Outcome,
        ["payload"] = e.Payload,
        ["previous_hash"] = e.PreviousHash,
        ["hash"] = e.Hash,
    };

    /// <summary>The signed checkpoint of the ledger head the bundle cites, with the public key that checks it.</summary>
    public static JsonObject CheckpointNode(LedgerCheckpoint c, string publicKeyPem) => new()
    {
        ["number"] = c.Number,
        ["sequence"] = c.Sequence,
        ["entry_hash"] = c.EntryHash,
        ["previous_checkpoint_hash"] = c.PreviousCheckpointHash,
        ["created_at"] = c.CreatedAt,
        ["reason"] = c.Reason,
        ["key_id"] = c.KeyId,
        ["signature"] = c.Signature,
        ["public_key_pem"] = publicKeyPem,
    };

    public static LedgerCheckpoint ReadCheckpoint(JsonObject n) => new(
        BundleFields.Long(n, "number"), BundleFields.Long(n, "sequence"), BundleFields.Str(n, "entry_hash"),
        BundleFields.Str(n, "previous_checkpoint_hash"), BundleFields.Str(n, "created_at"), BundleFields.Str(n, "reason"),
        BundleFields.Str(n, "key_id"), BundleFields.Str(n, "signature"));

    /// <summary>A record as a bundle holds it: snake_case keys, enums as names, UTC timestamps.</summary>
    public static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, Json);

    /// <summary>Timestamps as UTC ISO-8601 with milliseconds, the same shape as the ledger's.</summary>
    private sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LedgerHasher.FormatTimestamp(value));
    }
}
