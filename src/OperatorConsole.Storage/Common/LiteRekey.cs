using LiteDB;

namespace OperatorConsole.Storage.Common;

/// <summary>Run at open: brings documents written before a key field existed up to the current envelope.</summary>
internal static class LiteRekey
{
    /// <summary>
    /// Indexes <paramref name="field"/>, rewraps the documents that lack it (LiteDB indexes a missing field as null) once
    /// with <paramref name="rewrap"/>, and drops the indexes the key replaces (<paramref name="unread"/>): each is one more
    /// index page written per document for no reader.
    /// </summary>
    public static void Missing(ILiteCollection<BsonDocument> collection, string field, Func<BsonDocument, BsonDocument> rewrap, params string[] unread)
    {
        collection.EnsureIndex(field);
        foreach (var doc in collection.Find(Query.EQ(field, BsonValue.Null)).ToList())
        {
            collection.Update(rewrap(doc));
        }

        foreach (var index in unread)
        {
            collection.DropIndex(index);
        }
    }
}
