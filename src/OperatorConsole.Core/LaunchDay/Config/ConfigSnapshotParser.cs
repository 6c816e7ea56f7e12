using System.Text;
using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.LaunchDay.Config;

/// <summary>
/// Reads a production config pasted, uploaded or fetched for launch day (JSON, YAML or an env file) into flat keys:
/// nested keys joined with '.', list items as key.0, key.1. Anything it cannot read exactly is refused naming the
/// "config" field; it never guesses a value.
/// </summary>
public static partial class ConfigSnapshotParser
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxKeys = 10_000;
    public const int MaxDepth = 64;
    public const string Field = "config";

    public static ParsedConfig Parse(string? text, string? format)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0)
        {
            throw Invalid("The config is empty; paste or upload the production config (JSON, YAML or env).");
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxBytes)
        {
            throw Invalid($"The config is {bytes / 1024} KB; the limit is {MaxBytes / 1024} KB.");
        }

        // A byte-order mark and Windows line ends are how editors save files; neither is part of any value.
        var clean = text.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var kind = Normalize(format) ?? Detect(clean);
        var values = kind switch
        {
            "json" => JsonConfigReader.Read(clean),
            "yaml" => YamlConfigReader.Read(clean),
            _ => EnvConfigReader.Read(clean),
        };
        if (values.Count == 0)
        {
            throw Invalid($"The {kind} config holds no keys.");
        }

        return new ParsedConfig(kind, values);
    }

    internal static DomainValidationException Invalid(string message) =>
        DomainValidationException.ForFields([new FieldProblem(Field, message)]);

    private static string? Normalize(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "json" => "json",
        "yaml" or "yml" => "yaml",
        "env" or "dotenv" or ".env" => "env",
        _ => throw DomainValidationException.ForFields([new FieldProblem("format", $"Unknown config format '{format}'; use json, yaml or env.")]),
    };

    /// <summary>A brace opens JSON; KEY=VALUE on the first line that is not a comment is an env file; else YAML.</summary>
    private static string Detect(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return "json";
        }

        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return first is not null && EnvLine().IsMatch(first) ? "env" : "yaml";
    }

    [GeneratedRegex(@"^(export\s+)?[A-Za-z_][A-Za-z0-9_.\-]*\s*=")]
    private static partial Regex EnvLine();
}

/// <summary>Flat keys in the order read; a key seen twice or one key too many is refused.</summary>
internal sealed class FlatKeys
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => _values;

    public void Add(string key, string value, string where)
    {
        if (!_values.TryAdd(key, value))
        {
            throw ConfigSnapshotParser.Invalid($"The key '{key}' appears twice ({where}); a config must say each thing once.");
        }

        if (_values.Count > ConfigSnapshotParser.MaxKeys)
        {
            throw ConfigSnapshotParser.Invalid($"The config has more than {ConfigSnapshotParser.MaxKeys:N0} keys; that is not a service config.");
        }
    }

    public static string Join(string prefix, string key) => prefix.Length == 0 ? key : key.Length == 0 ? prefix : $"{prefix}.{key}";
}
