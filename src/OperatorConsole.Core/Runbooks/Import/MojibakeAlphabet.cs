using System.Text;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// The characters a Windows-1252 or Windows-1254 decoder produces for bytes 0x80–0xFF, mapped back to
/// those bytes, plus the few characters whose damaged form lost a byte on the way.
/// </summary>
internal static class MojibakeAlphabet
{
    // Bytes these code pages leave undefined. Editors often drop the C1 control they decode to, so
    // the byte is gone from the text and no rule can recover it.
    private static readonly byte[] LostIn1252 = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
    private static readonly byte[] LostIn1254 = [0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E];

    // Characters common in runbooks whose damaged form misses a byte. When a byte is lost several
    // characters fit (🔍 and 🔐 both become "ğŸ”"), so only these, the usual meaning, are restored.
    private static readonly string[] LostByteGuesses = ["\uFE0F", "🔍", "🎯", "🎉", "👍", "📝"];

    private static readonly Dictionary<char, byte> ByteOf = BuildByteMap();
    private static readonly Dictionary<string, string> GuessByDamagedBytes = BuildGuesses();

    public static bool TryGetByte(char c, out byte value) => ByteOf.TryGetValue(c, out value);

    public static string? GuessFor(ReadOnlySpan<byte> damaged) =>
        GuessByDamagedBytes.GetValueOrDefault(Convert.ToHexString(damaged));

    private static Dictionary<char, byte> BuildByteMap()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var map = new Dictionary<char, byte>();
        foreach (var codePage in new[] { 1252, 1254 })
        {
            var encoding = Encoding.GetEncoding(codePage);
            for (var b = 0x80; b <= 0xFF; b++)
            {
                map.TryAdd(encoding.GetString([(byte)b])[0], (byte)b);
            }
        }

        return map;
    }

    private static Dictionary<string, string> BuildGuesses() =>
        LostByteGuesses
            .SelectMany(guess => new[] { LostIn1252, LostIn1254 }
                .Select(lost => Encoding.UTF8.GetBytes(guess).Where(b => !lost.Contains(b)).ToArray())
                .Where(damaged => damaged.Length < Encoding.UTF8.GetByteCount(guess))
                .Select(damaged => (Key: Convert.ToHexString(damaged), Guess: guess)))
            .Distinct()
            .ToDictionary(x => x.Key, x => x.Guess);
}
