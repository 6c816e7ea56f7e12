using System.Text;
using LiteDB;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Alerts;

/// <summary>
/// The sort key that puts the alerts of one status together in receipt order, so the oldest resolved ones are a seek
/// however many old alerts still fire (a <see cref="ByteSortKey"/>). The prefix is the status and a 0, which no status
/// holds, so none starts another's. Firing alerts are keyed too, so every alert has a key and one written before the key
/// existed is found by its lack.
/// </summary>
internal static class AlertStatusOrder
{
    public const string Field = "statusOrder";

    public static byte[] Prefix(string status) => [.. Encoding.UTF8.GetBytes(status), 0];

    public static byte[] Key(AlertRecord alert) => ByteSortKey.Of(Prefix(alert.Status), alert.ReceivedAt, alert.Id);

    private static readonly byte[] ResolvedPrefix = Prefix(IncomingAlert.Resolved);

    /// <summary>The resolved alerts' keys, oldest first, read from the index alone: no alert is loaded.</summary>
    public static ILiteQueryableResult<BsonDocument> ResolvedOldestFirst(ILiteCollection<BsonDocument> alerts) =>
        alerts.Query().Where(Resolved()).OrderBy(Field).Select("$." + Field);

    public static bool IsResolved(BsonDocument alert) => alert[Field].AsBinary.AsSpan().StartsWith(ResolvedPrefix);

    /// <summary>The resolved alerts' keys up to <paramref name="upper"/>, or all of them.</summary>
    public static BsonExpression Resolved(byte[]? upper = null)
    {
        return Query.Between(Field, ResolvedPrefix, upper ?? ByteSortKey.End(ResolvedPrefix));
    }
}
