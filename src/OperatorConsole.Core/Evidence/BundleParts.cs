using System.Text.Json.Nodes;

namespace OperatorConsole.Core.Evidence;

/// <summary>
/// Hashes of each part of a bundle (and of each item of the list parts), sealed in with the rest, so
/// that when the integrity hash fails verify can say where the bundle was changed, not only that it was.
/// </summary>
public static class BundleParts
{
    public const string Field = "part_hashes";

    private static readonly string[] ItemKeys = ["sequence", "id", "area", "kind"];

    private static readonly string[] CommonParts = ["preserved_at", "preserved_by", "format", EvidenceBundle.CheckpointField];

    /// <summary>The parts of the bundle's kind: its record ("incident" or "launch"), its own lists, and what every bundle has.</summary>
    public static JsonObject Compute(JsonObject bundle)
    {
        var kind = BundleKind.Of(bundle);
        var parts = new JsonObject();
        foreach (var name in CommonParts.Append(kind.Part).Concat(kind.ObjectParts))
        {
            parts[name] = Hash(bundle[name]);
        }

        foreach (var name in kind.ListParts)
        {
            parts[name] = ItemHashes(bundle[name] as JsonArray);
        }

        var ledger = bundle["ledger"] as JsonObject;
        parts["ledger.head"] = Hash(ledger?["head_sequence"]) + Hash(ledger?["root_hash"]);
        parts["ledger.entries"] = ItemHashes(ledger?["entries"] as JsonArray);
        return parts;
    }

    /// <summary>One digest per part (over its hash or its list of item hashes), as the "preserved" ledger entry records them.</summary>
    public static IReadOnlyDictionary<string, string> Digests(JsonObject partHashes) =>
        partHashes.ToDictionary(kv => kv.Key, kv => Hash(kv.Value), StringComparer.Ordinal);

    /// <summary>Names every part or list item whose content no longer matches its sealed hash.</summary>
    public static IEnumerable<string> Differences(JsonObject bundle)
    {
        if (bundle[Field] is not JsonObject sealedParts)
        {
            yield break;
        }

        var now = Compute(bundle);
        foreach (var (name, sealedValue) in sealedParts)
        {
            var current = now[name];
            if (sealedValue is JsonArray sealedItems && current is JsonArray currentItems)
            {
                if (sealedItems.Count != currentItems.Count)
                {
                    yield return $"'{name}' has {currentItems.Count} items where {sealedItems.Count} were sealed (an item was added or removed).";
                    continue;
                }

                for (var i = 0; i < sealedItems.Count; i++)
                {
                    if (!JsonNode.DeepEquals(sealedItems[i], currentItems[i]))
                    {
                        yield return $"'{name}' item {i + 1}{Describe(bundle, name, i)} was changed.";
                    }
                }
            }
            else if (!JsonNode.DeepEquals(sealedValue, current))
            {
                yield return $"'{name}' was changed.";
            }
        }
    }

    private static string Hash(JsonNode? node) => CanonicalJson.Sha256(node);

    private static JsonArray ItemHashes(JsonArray? items) =>
        new([.. (items ?? []).Select(item => (JsonNode)JsonValue.Create(Hash(item))!)]);

    private static string Describe(JsonObject bundle, string part, int index)
    {
        var list = part == "ledger.entries" ? (bundle["ledger"] as JsonObject)?["entries"] as JsonArray : bundle[part] as JsonArray;
        var item = list is not null && index < list.Count ? list[index] as JsonObject : null;
        // A ledger entry by its sequence, a timeline entry or attachment by its id, a sign-off by its area, a step by its kind.
        var field = ItemKeys.FirstOrDefault(k => item?[k] is JsonValue);
        return field is null ? string.Empty : $" ({field} {item![field]!.ToJsonString().Trim('"')})";
    }
}
