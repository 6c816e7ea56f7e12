using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OperatorConsole.Core.LaunchDay.Config;

/// <summary>
/// One YAML document flattened from the parser's events (not the object model, whose recursion a deeply nested input
/// could overflow). Anchors and aliases are followed, merge keys (<c>&lt;&lt;: *base</c>) apply with explicit keys winning;
/// several documents, complex keys and unknown aliases are refused.
/// </summary>
internal static class YamlConfigReader
{
    private const string MergeKey = "<<";

    private static readonly HashSet<string> NullScalars = new(StringComparer.Ordinal) { "~", "null", "Null", "NULL" };

    public static IReadOnlyDictionary<string, string> Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return new Dictionary<string, string>();
            }

            parser.Consume<DocumentStart>();
            if (parser.Current is not MappingStart)
            {
                throw ConfigSnapshotParser.Invalid("The YAML config must be a mapping of keys at the top.");
            }

            var entries = Node(parser, anchors, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                throw ConfigSnapshotParser.Invalid("The YAML holds more than one document (---); give the one production config.");
            }

            var keys = new FlatKeys();
            foreach (var (key, value) in entries)
            {
                keys.Add(key, value, "in the YAML");
            }

            return keys.Values;
        }
        catch (YamlException ex)
        {
            throw ConfigSnapshotParser.Invalid($"The config is not valid YAML (line {ex.Start.Line}): {ex.Message}");
        }
    }

    /// <summary>The node at the parser, as flat entries relative to it ("" for a scalar).</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Node(IParser parser, Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>> anchors, int depth)
    {
        if (depth > ConfigSnapshotParser.MaxDepth)
        {
            throw ConfigSnapshotParser.Invalid($"The YAML config nests deeper than {ConfigSnapshotParser.MaxDepth} levels.");
        }

        IReadOnlyList<KeyValuePair<string, string>> entries;
        string? anchor = null;
        switch (parser.Current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var known)
                    ? known
                    : throw ConfigSnapshotParser.Invalid($"The YAML refers to *{alias.Value.Value} (line {alias.Start.Line}), which no &{alias.Value.Value} defines before it.");
            case Scalar scalar:
                parser.MoveNext();
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                entries = [new("", scalar.Style == ScalarStyle.Plain && NullScalars.Contains(scalar.Value) ? "" : scalar.Value)];
                break;
            case SequenceStart start:
                anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                entries = Sequence(parser, anchors, depth);
                break;
            case MappingStart start:
                anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                entries = Mapping(parser, anchors, depth);
                break;
            default:
                throw ConfigSnapshotParser.Invalid($"The YAML has something unexpected at line {parser.Current?.Start.Line}.");
        }

        if (anchor is not null)
        {
            anchors[anchor] = entries;
        }

        return entries;
    }

    private static List<KeyValuePair<string, string>> Sequence(IParser parser, Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>> anchors, int depth)
    {
        parser.Consume<SequenceStart>();
        var entries = new List<KeyValuePair<string, string>>();
        for (var i = 0; !parser.TryConsume<SequenceEnd>(out _); i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            Append(entries, index, Node(parser, anchors, depth + 1));
        }

        return entries;
    }

    private static List<KeyValuePair<string, string>> Mapping(IParser parser, Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>> anchors, int depth)
    {
        parser.Consume<MappingStart>();
        var explicitKeys = new List<(string Key, IReadOnlyList<KeyValuePair<string, string>> Entries)>();
        var merged = new List<(string Key, IReadOnlyList<KeyValuePair<string, string>> Entries)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (parser.Current is not Scalar key)
            {
                throw ConfigSnapshotParser.Invalid($"The YAML has a key at line {parser.Current?.Start.Line} that is not plain text; use simple keys.");
            }

            parser.MoveNext();
            if (key.Value == MergeKey && key.Style == ScalarStyle.Plain)
            {
                merged.AddRange(MergeSources(parser, anchors, depth + 1).SelectMany(Regroup));
                continue;
            }

            var value = Node(parser, anchors, depth + 1);
            if (!seen.Add(key.Value))
            {
                throw ConfigSnapshotParser.Invalid($"The key '{key.Value}' appears twice in one YAML mapping (line {key.Start.Line}).");
            }
            else
            {
                explicitKeys.Add((key.Value, value));
            }
        }

        // A merge is shallow and never overrides: a key given explicitly keeps its own value, the first merge source wins.
        foreach (var (key, value) in merged.Where(m => seen.Add(m.Key)))
        {
            explicitKeys.Add((key, value));
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in explicitKeys)
        {
            Append(entries, key, value);
        }

        return entries;
    }

    /// <summary><c>&lt;&lt;: *a</c> merges one mapping, <c>&lt;&lt;: [*a, *b]</c> several, in order.</summary>
    private static IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> MergeSources(IParser parser, Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>> anchors, int depth)
    {
        if (!parser.TryConsume<SequenceStart>(out _))
        {
            return [Node(parser, anchors, depth)];
        }

        var sources = new List<IReadOnlyList<KeyValuePair<string, string>>>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            sources.Add(Node(parser, anchors, depth + 1));
        }

        return sources;
    }

    /// <summary>Flat entries of a merged mapping (or list of them) back into top-level keys.</summary>
    private static IEnumerable<(string Key, IReadOnlyList<KeyValuePair<string, string>> Entries)> Regroup(IReadOnlyList<KeyValuePair<string, string>> merged) =>
        merged.GroupBy(e => TopKey(e.Key), StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<KeyValuePair<string, string>>)[.. g.Select(e => new KeyValuePair<string, string>(Rest(e.Key), e.Value))]));

    private static void Append(List<KeyValuePair<string, string>> entries, string key, IReadOnlyList<KeyValuePair<string, string>> child)
    {
        if (entries.Count + child.Count > ConfigSnapshotParser.MaxKeys)
        {
            throw ConfigSnapshotParser.Invalid($"The config has more than {ConfigSnapshotParser.MaxKeys:N0} keys; that is not a service config.");
        }

        entries.AddRange(child.Select(e => new KeyValuePair<string, string>(FlatKeys.Join(key, e.Key), e.Value)));
    }

    private static string TopKey(string path) => path.Split('.')[0];

    private static string Rest(string path) => path.Contains('.', StringComparison.Ordinal) ? path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..] : "";
}
