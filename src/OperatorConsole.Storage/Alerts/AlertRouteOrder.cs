using System.Security.Cryptography;
using System.Text;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Alerts;

/// <summary>
/// The sort key that puts one route's alerts together in receipt order, so its newest are a seek and a short walk
/// (a <see cref="ByteSortKey"/>). The route's prefix is the SHA-256 of its route key: every route gets a prefix of one
/// length, so none starts another's, and the key stays well inside LiteDB's 1,023-byte index key limit however long the
/// scope. An unrouted alert is keyed under the empty route, which no rule's route key equals, so every alert has a key
/// and one written before the key existed is found by its lack.
/// </summary>
internal static class AlertRouteOrder
{
    public const string Field = "routeOrder";

    public static byte[] Prefix(string routeKey) => SHA256.HashData(Encoding.UTF8.GetBytes(routeKey));

    public static byte[] Key(AlertRecord alert) => ByteSortKey.Of(Prefix(alert.RouteKey ?? string.Empty), alert.ReceivedAt, alert.Id);
}
