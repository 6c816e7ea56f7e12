using System.Text.Json;

namespace OperatorConsole.Core.LaunchDay.Config;

/// <summary>A JSON object flattened; comments and trailing commas are tolerated as editors write them.</summary>
internal static class JsonConfigReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = ConfigSnapshotParser.MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyDictionary<string, string> Read(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw ConfigSnapshotParser.Invalid($"The config is not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ConfigSnapshotParser.Invalid($"The JSON config must be an object of keys; it is {Describe(document.RootElement.ValueKind)}.");
            }

            var keys = new FlatKeys();
            Flatten(document.RootElement, "", keys);
            return keys.Values;
        }
    }

    private static void Flatten(JsonElement element, string path, FlatKeys keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, FlatKeys.Join(path, property.Name), keys);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, FlatKeys.Join(path, (i++).ToString(System.Globalization.CultureInfo.InvariantCulture)), keys);
                }

                break;
            case JsonValueKind.String:
                keys.Add(path, element.GetString()!, "in the JSON");
                break;
            case JsonValueKind.Null:
                keys.Add(path, "", "in the JSON");
                break;
            default:
                keys.Add(path, element.GetRawText(), "in the JSON");
                break;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };

    // The parser's message ends with a path and positions already given above.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
