using System.Text.Json;
using System.Text.Json.Serialization;
using LiteDB;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// Domain records are kept as JSON inside a small BSON envelope that carries only the fields we
/// index. This keeps Core's immutable records free of LiteDB mapping rules and attributes.
/// </summary>
internal static class JsonDocuments
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static BsonDocument Wrap<T>(BsonValue id, T value, params (string Field, BsonValue Value)[] indexed)
    {
        var doc = new BsonDocument { ["_id"] = id, ["json"] = System.Text.Json.JsonSerializer.Serialize(value, Options) };
        foreach (var (field, fieldValue) in indexed)
        {
            doc[field] = fieldValue;
        }

        return doc;
    }

    public static T Unwrap<T>(BsonDocument doc) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(doc["json"].AsString, Options)
        ?? throw new InvalidDataException($"Document {doc["_id"]} holds no value.");
}
