using System.Text.Json.Serialization;
using LiteDB;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// Domain records are kept as JSON inside a small BSON envelope that carries only the fields we
/// index. This keeps Core's immutable records free of LiteDB mapping rules and attributes.
/// The PostgreSQL store keeps the same JSON (<see cref="Serialize"/>, <see cref="Deserialize"/>) in a jsonb column.
/// </summary>
internal static class JsonDocuments
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static BsonDocument Wrap<T>(BsonValue id, T value, params (string Field, BsonValue Value)[] indexed)
    {
        var doc = new BsonDocument { ["_id"] = id, ["json"] = Serialize(value) };
        foreach (var (field, fieldValue) in indexed)
        {
            doc[field] = fieldValue;
        }

        return doc;
    }

    public static T Unwrap<T>(BsonDocument doc) => Deserialize<T>(doc["json"].AsString, doc["_id"].ToString());

    public static string Serialize<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json, string id) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Document {id} holds no value.");
}
