using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OperatorConsole.Core.Evidence;

/// <summary>
/// Canonical JSON, byte for byte what Python writes with
/// <c>json.dumps(obj, sort_keys=True, separators=(",", ":"))</c>: keys sorted by code point, no
/// whitespace, every character outside printable ASCII escaped as lowercase \uXXXX. Only integers are
/// allowed as numbers, because float formatting differs between languages and would break the hash.
/// </summary>
public static class CanonicalJson
{
    public static string Write(JsonNode? node)
    {
        var sb = new StringBuilder();
        WriteNode(sb, node);
        return sb.ToString();
    }

    /// <summary>SHA-256, lowercase hex, over the canonical text (pure ASCII, so its UTF-8 bytes).</summary>
    public static string Sha256(JsonNode? node) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Write(node))));

    private static void WriteNode(StringBuilder sb, JsonNode? node)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, CodePointComparer.Instance))
                {
                    sb.Append(first ? "" : ",");
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    WriteNode(sb, value);
                }

                sb.Append('}');
                break;
            case JsonArray array:
                sb.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",");
                    WriteNode(sb, array[i]);
                }

                sb.Append(']');
                break;
            default:
                WriteValue(sb, node.AsValue());
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Number:
                // Parsing through BigInteger normalises the text (no '+', no leading zeros) and refuses fractions.
                var raw = value.ToJsonString();
                if (!BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    throw new FormatException($"Canonical JSON allows integers only; found {raw}.");
                }

                sb.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var ch in s)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    // Python escapes all but ' '..'~'; astral characters arrive here already as two UTF-16 halves, as Python writes them.
                    if (ch is < ' ' or > '~')
                    {
                        sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Python sorts str keys by code point; UTF-16 ordinal order differs for astral vs U+E000..U+FFFF.</summary>
    private sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").EnumerateRunes().GetEnumerator();
            var b = (y ?? "").EnumerateRunes().GetEnumerator();
            while (true)
            {
                var hasA = a.MoveNext();
                var hasB = b.MoveNext();
                if (!hasA || !hasB)
                {
                    return hasA.CompareTo(hasB);
                }

                var c = a.Current.Value.CompareTo(b.Current.Value);
                if (c != 0)
                {
                    return c;
                }
            }
        }
    }
}
