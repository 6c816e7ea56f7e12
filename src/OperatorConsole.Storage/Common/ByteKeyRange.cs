using LiteDB;

namespace OperatorConsole.Storage.Common;

/// <summary>Pages along an index of <see cref="ByteSortKey"/>s: a seek to one end of a range and a walk of one page.</summary>
internal static class ByteKeyRange
{
    /// <summary>
    /// Up to <paramref name="take"/> documents whose <paramref name="field"/> lies between <paramref name="lower"/> and
    /// <paramref name="upper"/>, in key order from the start the direction names. LiteDB's range bounds are inclusive, so
    /// a cursor's own document (<paramref name="exclusiveBound"/>) is read, one more than asked for, and left out.
    /// </summary>
    public static List<BsonDocument> Page(
        ILiteCollection<BsonDocument> collection, string field, byte[] lower, byte[] upper, bool descending, byte[]? exclusiveBound, int take)
    {
        if (take <= 0)
        {
            return [];
        }

        var query = collection.Query().Where(Query.Between(field, lower, upper));
        var ordered = descending ? query.OrderByDescending(field) : query.OrderBy(field);
        var found = ordered.Limit(exclusiveBound is null ? take : take + 1).ToDocuments();
        return [.. (exclusiveBound is null ? found : found.Where(d => !d[field].AsBinary.AsSpan().SequenceEqual(exclusiveBound))).Take(take)];
    }
}
