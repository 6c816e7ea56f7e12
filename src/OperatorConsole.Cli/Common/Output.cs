using System.CommandLine;
using System.Text.Json;

namespace OperatorConsole.Cli.Common;

/// <summary>
/// <c>--output text</c> (the default, for people) or <c>--output json</c> (the console's own JSON, for jq and scripts).
/// Results go to stdout; messages and warnings to stderr.
/// </summary>
public static class Output
{
    public static readonly Option<string> Format = new Option<string>("--output", "-o")
    {
        Description = "text (default) or json",
        Recursive = true,
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json");

    private static readonly JsonSerializerOptions Indented = new(ConsoleApi.Json) { WriteIndented = true };

    public static bool IsJson(ParseResult parse) => parse.GetValue(Format) == "json";

    /// <summary>Writes <paramref name="value"/> as JSON in JSON mode, else the lines <paramref name="text"/> makes of it.</summary>
    public static void Write<T>(ParseResult parse, CliContext context, T value, Func<T, IEnumerable<string>> text)
    {
        if (IsJson(parse))
        {
            context.Out.WriteLine(value is JsonElement { ValueKind: JsonValueKind.Undefined } ? "null" : JsonSerializer.Serialize(value, Indented));
            return;
        }

        foreach (var line in text(value))
        {
            context.Out.WriteLine(line);
        }
    }

    public static string Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.ToString() : "";
}
