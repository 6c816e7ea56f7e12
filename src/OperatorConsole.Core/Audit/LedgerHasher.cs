using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OperatorConsole.Core.Audit;

/// <summary>
/// The hash rule of the ledger, kept deliberately simple so that anyone can check an export
/// with a few lines of any language: SHA-256 over the fields joined by '\n', payload last.
/// Fields before the payload may not contain control characters, which keeps the join unambiguous.
/// </summary>
public static class LedgerHasher
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string FormatTimestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The inverse of <see cref="FormatTimestamp"/>; <see cref="DateTimeOffset.MinValue"/> for text that is not a timestamp.</summary>
    public static DateTimeOffset ParseTimestamp(string timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;

    public static string ComputeHash(
        long sequence, string timestamp, string actor, string action, string subject, string outcome, string payload, string previousHash)
    {
        var text = string.Join('\n',
            previousHash, sequence.ToString(CultureInfo.InvariantCulture), timestamp, actor, action, subject, outcome, payload);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string ComputeHash(LedgerEntry e) =>
        ComputeHash(e.Sequence, e.Timestamp, e.Actor, e.Action, e.Subject, e.Outcome, e.Payload, e.PreviousHash);

    /// <summary>
    /// Whether the entry's stored hash is the one its fields give: <see cref="ComputeHash(LedgerEntry)"/> without its
    /// allocations, for bulk verifies.
    /// </summary>
    public static bool HashFits(LedgerEntry e)
    {
        Span<char> sequence = stackalloc char[20];
        e.Sequence.TryFormat(sequence, out var sequenceLength, provider: CultureInfo.InvariantCulture);
        var chars = e.PreviousHash.Length + sequenceLength + e.Timestamp.Length + e.Actor.Length + e.Action.Length
            + e.Subject.Length + e.Outcome.Length + e.Payload.Length + 7;
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chars));
        try
        {
            var text = rented.AsSpan();
            var at = Encoding.UTF8.GetBytes(e.PreviousHash, text);
            at += Line(sequence[..sequenceLength], text[at..]);
            foreach (var field in (ReadOnlySpan<string>)[e.Timestamp, e.Actor, e.Action, e.Subject, e.Outcome, e.Payload])
            {
                at += Line(field, text[at..]);
            }

            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(text[..at], hash);
            Span<char> hex = stackalloc char[64];
            Convert.TryToHexStringLower(hash, hex, out _);
            return e.Hash.AsSpan().SequenceEqual(hex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        static int Line(ReadOnlySpan<char> field, Span<byte> into)
        {
            into[0] = (byte)'\n';
            return 1 + Encoding.UTF8.GetBytes(field, into[1..]);
        }
    }

    public static LedgerEntry Link(
        LedgerEntry? head, DateTimeOffset at, string actor, string action, string subject, string outcome, string payload)
    {
        foreach (var (name, value) in new[] { (nameof(actor), actor), (nameof(action), action), (nameof(subject), subject), (nameof(outcome), outcome) })
        {
            if (value.Any(char.IsControl))
            {
                throw new ArgumentException($"Ledger field '{name}' may not contain control characters.", name);
            }
        }

        var sequence = (head?.Sequence ?? 0) + 1;
        var previous = head?.Hash ?? GenesisHash;
        var timestamp = FormatTimestamp(at);
        var hash = ComputeHash(sequence, timestamp, actor, action, subject, outcome, payload, previous);
        return new LedgerEntry(sequence, timestamp, actor, action, subject, outcome, payload, previous, hash);
    }
}
