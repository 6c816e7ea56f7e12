using System.Text;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>
/// Undoes double encoding: UTF-8 bytes that were decoded as Windows-1252/1254 and saved again as
/// UTF-8 ("âœ…" for "✅"). Only character runs that spell a complete, valid UTF-8 multi-byte
/// sequence are replaced, so genuine accented text ("café", "naïve") is left alone.
/// </summary>
public static class MojibakeRepair
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string Text, IReadOnlyList<string> Repairs) Repair(string text)
    {
        var output = new StringBuilder(text.Length);
        var tally = new List<Fix>();
        var index = 0;
        while (index < text.Length)
        {
            var fix = ReadFix(text, index);
            if (fix is null)
            {
                output.Append(text[index++]);
                continue;
            }

            // A variation selector belongs to the emoji before it, so report "ğŸ›¡ï¸" → "🛡️" as one repair.
            while (ReadFix(text, index + fix.From.Length) is { To: "\uFE0F" } selector)
            {
                fix = new Fix(fix.From + selector.From, fix.To + selector.To, fix.Guessed || selector.Guessed);
            }

            output.Append(fix.To);
            index += fix.From.Length;
            tally.Add(fix);
        }

        var repairs = tally
            .GroupBy(f => (f.From, f.To))
            .Select(g => Describe(g.Key.From, g.Key.To, g.Count(), g.Any(f => f.Guessed)))
            .ToList();
        return (output.ToString(), repairs);
    }

    private static string Describe(string from, string to, int count, bool guessed) =>
        $"\"{from}\" → \"{to}\" (×{count}{(guessed ? ", lost byte guessed" : "")})";

    private static Fix? ReadFix(string text, int start)
    {
        if (start >= text.Length || !MojibakeAlphabet.TryGetByte(text[start], out var lead))
        {
            return null;
        }

        var length = lead switch
        {
            >= 0xC2 and <= 0xDF => 2,
            >= 0xE0 and <= 0xEF => 3,
            >= 0xF0 and <= 0xF4 => 4,
            _ => 0,
        };
        if (length == 0)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = lead;
        var count = 1;
        while (count < length && start + count < text.Length
               && MojibakeAlphabet.TryGetByte(text[start + count], out var next) && next is >= 0x80 and <= 0xBF)
        {
            bytes[count++] = next;
        }

        var from = text.Substring(start, count);
        if (count == length && TryDecode(bytes[..count], out var decoded))
        {
            return new Fix(from, decoded, Guessed: false);
        }

        return MojibakeAlphabet.GuessFor(bytes[..count]) is { } guess ? new Fix(from, guess, Guessed: true) : null;
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string decoded)
    {
        try
        {
            decoded = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            decoded = "";
            return false;
        }
    }

    private sealed record Fix(string From, string To, bool Guessed);
}
