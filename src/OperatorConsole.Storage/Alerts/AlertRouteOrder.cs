using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OperatorConsole.Core.Alerts;

namespace OperatorConsole.Storage.Alerts;

/// <summary>
/// The sort key that puts one route's alerts together in receipt order, so its newest are a seek and a short walk:
/// the SHA-256 of the route key, then the receipt time's UTC ticks big-endian, then the id in UTF-8 for alerts of one
/// instant. Bytes, because LiteDB compares binary values byte by byte but strings under the data file's culture
/// collation (case and control characters ignored), where a route key that begins with another could sort among the
/// other's keys. The hash gives every route a prefix of one length and keeps the key well inside LiteDB's 1,023-byte
/// index key limit however long the scope. An unrouted alert is keyed under the empty route, which no rule's route key
/// equals, so every alert has a key and one written before the key existed is found by its lack.
/// </summary>
internal static class AlertRouteOrder
{
    public const string Field = "routeOrder";

    public static byte[] Prefix(string routeKey) => SHA256.HashData(Encoding.UTF8.GetBytes(routeKey));

    public static byte[] Key(AlertRecord alert)
    {
        var prefix = Prefix(alert.RouteKey ?? string.Empty);
        var key = new byte[prefix.Length + sizeof(long) + Encoding.UTF8.GetByteCount(alert.Id)];
        prefix.CopyTo(key, 0);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(prefix.Length), alert.ReceivedAt.UtcTicks);
        Encoding.UTF8.GetBytes(alert.Id, key.AsSpan(prefix.Length + sizeof(long)));
        return key;
    }

    /// <summary>
    /// A bound above every key under <paramref name="prefix"/>: ticks stay below 2^62, so the byte after the prefix
    /// is never 0xFF.
    /// </summary>
    public static byte[] End(byte[] prefix) => [.. prefix, 0xFF];
}
