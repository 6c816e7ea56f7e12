using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace OperatorConsole.Web.Tests.Fuzz;

/// <summary>
/// JSON text built by hand, so it can say what a serializer never writes: duplicate keys, lone surrogates (as \ud800
/// escapes), numbers out of range. Values are drawn from a fixed-seed Random: the same seed gives the same bodies.
/// An object is a list of key/value pairs (duplicates allowed); a list is a JSON array.
/// </summary>
public sealed class FuzzJson(Random random)
{
    /// <summary>Strings that have broken parsers, stores and hashers. URLs point at loopback only: tests never send traffic elsewhere.</summary>
    private static readonly string[] Strings =
    [
        "", " ", "ok", "Op-01", "global", "Sev1", "OnCall", "EMERGENCY_LOCKDOWN", "true", "0", "-1", "null",
        "\ud800", "a\udc00b", "\u0000", "line\nbreak\r\n", "\u202e\u200b", "😀", "ä ö ü", "<script>alert(1)</script>",
        "' OR 1=1 --", "../../etc/passwd", "%00", "{\"nested\":true}", "http://127.0.0.1:1/hook", "http://[::1]:1/x", "ftp://127.0.0.1/",
        "not a url", "2026-13-45T99:99:99Z", "9999-12-31T23:59:59Z", "P1D", "$.x", "\\", "\"",
    ];

    public Random Random => random;

    public sealed class Obj : List<KeyValuePair<string, object?>>;

    /// <summary>A value shaped like <paramref name="type"/>, with a field now and then missing, null or of the wrong type.</summary>
    public object? Shaped(Type type, int depth = 0)
    {
        if (depth > 4)
        {
            return null;
        }

        var inner = Nullable.GetUnderlyingType(type);
        if (inner is not null)
        {
            return random.Next(5) == 0 ? null : Shaped(inner, depth);
        }

        if (type == typeof(string))
        {
            return Text();
        }

        if (type == typeof(bool))
        {
            return random.Next(2) == 0;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal))
        {
            return Number();
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return random.Next(3) == 0 ? Text() : DateTimeOffset.UnixEpoch.AddSeconds(random.NextInt64(0, 4_000_000_000)).ToString("O", CultureInfo.InvariantCulture);
        }

        if (type == typeof(TimeSpan))
        {
            return random.Next(2) == 0 ? "00:15:00" : Text();
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return random.Next(4) == 0 ? Pick(["Unknown", "sev9", "7", "", "Sev1,Sev2"]) : names[random.Next(names.Length)];
        }

        var element = ElementType(type);
        if (element is not null)
        {
            var list = new List<object?>();
            for (var i = random.Next(4); i > 0; i--)
            {
                list.Add(random.Next(6) == 0 ? null : Shaped(element, depth + 1));
            }

            return list;
        }

        var obj = new Obj();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var roll = random.Next(20);
            if (roll == 0)
            {
                continue;
            }

            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            obj.Add(new(name, roll switch { 1 => null, 2 => Any(depth + 1), _ => Shaped(property.PropertyType, depth + 1) }));
        }

        return obj;
    }

    /// <summary>Any JSON value at all.</summary>
    public object? Any(int depth = 0) => random.Next(depth > 3 ? 4 : 7) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => Number(),
        3 => Text(),
        4 => Enumerable.Range(0, random.Next(4)).Select(_ => Any(depth + 1)).ToList(),
        _ => Object(["type", "id", "reason", "text", "severity", "followUps", "scope", "operator_id", "token", "on"], depth),
    };

    /// <summary>An object whose keys come from <paramref name="vocabulary"/>, one sometimes twice.</summary>
    public Obj Object(IReadOnlyList<string> vocabulary, int depth = 0)
    {
        var obj = new Obj();
        for (var i = random.Next(1, 6); i > 0; i--)
        {
            obj.Add(new(vocabulary[random.Next(vocabulary.Count)], Any(depth + 1)));
        }

        return obj;
    }

    public string Text() => random.Next(30) switch
    {
        0 => new string('x', random.Next(1_000, 70_000)),
        1 => new string((char)random.Next(0x20, 0xFFFF), random.Next(1, 40)),
        2 => Convert.ToBase64String(Bytes(random.Next(1, 60))),
        _ => Strings[random.Next(Strings.Length)],
    };

    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string Write(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private object Number() => random.Next(8) switch
    {
        0 => 0,
        1 => -1,
        2 => long.MaxValue,
        3 => 1e308,
        4 => 0.5,
        5 => "12",
        _ => random.Next(-1000, 100_000),
    };

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[^1]
        : null;

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(text, s);
                break;
            case Obj obj:
                text.Append('{');
                for (var i = 0; i < obj.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    WriteString(text, obj[i].Key);
                    text.Append(':');
                    Write(text, obj[i].Value);
                }

                text.Append('}');
                break;
            case IList list:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Write(text, list[i]);
                }

                text.Append(']');
                break;
            case IFormattable number:
                text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Cannot write {value.GetType()}.", nameof(value));
        }
    }

    /// <summary>Everything outside printable ASCII as \uXXXX, so lone surrogates travel as the escapes a client could send.</summary>
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var ch in value)
        {
            if (ch is '"' or '\\')
            {
                text.Append('\\').Append(ch);
            }
            else if (ch is < ' ' or > '~')
            {
                text.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(ch);
            }
        }

        text.Append('"');
    }
}
