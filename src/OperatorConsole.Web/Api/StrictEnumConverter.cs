using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorConsole.Web.Api;

/// <summary>
/// Enums travel as their names. Reading accepts a defined name (any case) and nothing else: an unknown name or any
/// number is refused with the allowed names, so a client learns what to send and no undefined value is stored.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly string Allowed = string.Join(", ", Enum.GetNames<T>());

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        // Dictionaries keyed by an enum (e.g. a permission per step) use the same names as keys.
        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());

        private static T Parse(string? text)
        {
            // Flags and numbers both parse from "1, 2" or "7"; only a plain defined name is a value here.
            if (text is not null && !text.Contains(',') && !char.IsDigit(text.TrimStart('-').FirstOrDefault())
                && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                return value;
            }

            throw new JsonException($"Expected one of: {Allowed}.");
        }
    }
}
