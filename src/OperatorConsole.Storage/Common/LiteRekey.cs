using LiteDB;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// A key field that documents written before it existed lack, and the indexes it replaces (<see cref="Unread"/>): each
/// is one more index page written per document for no reader. Run at open; <see cref="OrdinalCollationUpgrade"/> applies
/// it while it copies an older file, so that file's documents are written once, not copied and then rewritten.
/// </summary>
internal sealed record LiteRekey(string Collection, string Field, Func<BsonDocument, BsonDocument> Rewrap, params string[] Unread)
{
    /// <summary>Indexes the field, rewraps the documents that lack it (LiteDB indexes a missing field as null) once, and drops the unread indexes.</summary>
    public void Run(ILiteCollection<BsonDocument> collection)
    {
        collection.EnsureIndex(Field);
        foreach (var doc in collection.Find(Query.EQ(Field, BsonValue.Null)).ToList())
        {
            collection.Update(Rewrap(doc));
        }

        foreach (var index in Unread)
        {
            collection.DropIndex(index);
        }
    }

    /// <summary>The document as <see cref="Run"/> leaves it.</summary>
    public BsonDocument Apply(BsonDocument doc) => doc[Field].IsNull ? Rewrap(doc) : doc;
}
