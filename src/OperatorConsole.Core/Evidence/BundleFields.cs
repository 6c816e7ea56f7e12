using System.Text.Json.Nodes;

namespace OperatorConsole.Core.Evidence;

/// <summary>Reads a bundle handed back from outside; a missing or mistyped field names itself.</summary>
internal static class BundleFields
{
    public static JsonObject Obj(JsonNode? parent, string field) =>
        parent?[field] as JsonObject ?? throw Missing(field, "an object");

    public static JsonArray Arr(JsonNode? parent, string field) =>
        parent?[field] as JsonArray ?? throw Missing(field, "an array");

    public static string Str(JsonNode? parent, string field) =>
        parent?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Missing(field, "a string");

    public static long Long(JsonNode? parent, string field) =>
        parent?[field] is JsonValue v && v.TryGetValue<long>(out var n) ? n : throw Missing(field, "an integer");

    private static FormatException Missing(string field, string kind) => new($"'{field}' is missing or is not {kind}.");
}
