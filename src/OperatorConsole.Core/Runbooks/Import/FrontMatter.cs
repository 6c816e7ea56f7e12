using OperatorConsole.Core.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// The optional YAML header of a runbook (Hugo, Jekyll or the console's own); unknown keys such as weight or
/// layout are ignored. <see cref="Aliases"/> holds the names it answers to: id, aliases/alias, alert/alertname.
/// </summary>
internal sealed record FrontMatter(string? Title, IReadOnlyList<string> Tags, Priority Priority, string? Trigger, string? Severity, IReadOnlyList<string> Aliases)
{
    public static readonly FrontMatter None = new(null, [], Priority.None, null, null, []);

    private static readonly string[] AliasKeys = ["id", "aliases", "alias", "alert", "alertname", "alert_name", "alertName"];

    /// <summary>The runbook's own name for itself (<c>id:</c>), which identifies it across moves and renames.</summary>
    public string? Id { get; init; }

    /// <summary>Marked <c>draft: true</c> or <c>template: true</c>: not a runbook to import.</summary>
    public bool IsDraftOrTemplate { get; init; }

    public static FrontMatter Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new DomainValidationException($"The front matter is not valid YAML (line {ex.Start.Line}): {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            return None;
        }

        return new FrontMatter(
            Scalar(map, "title"),
            [.. Values(map, "tags").Select(v => v.ToLowerInvariant()).Distinct()],
            ParsePriority(Scalar(map, "priority")),
            Scalar(map, "trigger"),
            Scalar(map, "severity"),
            [.. AliasKeys.SelectMany(key => Values(map, key))])
        {
            Id = Scalar(map, "id"),
            IsDraftOrTemplate = IsTrue(Scalar(map, "draft")) || IsTrue(Scalar(map, "template")),
        };
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value }
            && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    // Both "tags: [a, b]" and "tags: a, b" are common in the wild.
    private static IEnumerable<string> Values(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        var values = node switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? ""),
            YamlScalarNode scalar => (scalar.Value ?? "").Split(','),
            _ => [],
        };
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    // "P1" or a severity word ("critical"); anything else is a typo worth refusing.
    private static Priority ParsePriority(string? text) => text?.ToUpperInvariant() switch
    {
        null => Priority.None,
        "P0" => Priority.P0,
        "P1" => Priority.P1,
        "P2" => Priority.P2,
        "P3" => Priority.P3,
        _ when SeverityScale.TryRead(text, out var priority, out _) => priority,
        _ => throw new DomainValidationException($"The front matter priority '{text}' is not one of P0, P1, P2, P3 (or critical, high, warning, info)."),
    };
}
