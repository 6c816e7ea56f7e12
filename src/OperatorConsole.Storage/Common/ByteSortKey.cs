using System.Buffers.Binary;
using System.Text;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// Index keys that put one group's documents together in time order: a prefix naming the group, the UTC ticks as 8
/// bytes big-endian, then the document's id in UTF-8 for documents of one instant. Bytes, because LiteDB compares binary
/// values byte by byte under any collation, while it compared strings under the data file's culture collation, which
/// ignored case and control characters (files are ordinal since <see cref="OrdinalCollationUpgrade"/>), so a text key's
/// group could sort in among another's. Ticks stay below 2^62, so the byte after a prefix is never 0xFF, which bounds a
/// group's range; a prefix must not be the start of another group's prefix.
/// </summary>
internal static class ByteSortKey
{
    /// <summary>Orders keys as LiteDB's index does.</summary>
    public static readonly IComparer<byte[]> Order = Comparer<byte[]>.Create((a, b) => a.AsSpan().SequenceCompareTo(b));

    /// <summary>The key of the document <paramref name="id"/> at <paramref name="at"/> in the group of <paramref name="prefix"/>.</summary>
    public static byte[] Of(byte[] prefix, DateTimeOffset at, string id)
    {
        var key = new byte[prefix.Length + sizeof(long) + Encoding.UTF8.GetByteCount(id)];
        prefix.CopyTo(key, 0);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(prefix.Length), at.UtcTicks);
        Encoding.UTF8.GetBytes(id, key.AsSpan(prefix.Length + sizeof(long)));
        return key;
    }

    /// <summary>A bound above every key of the group of <paramref name="prefix"/>.</summary>
    public static byte[] End(byte[] prefix) => [.. prefix, 0xFF];
}
