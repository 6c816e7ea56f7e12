using LiteDB;

namespace OperatorConsole.Storage.Common;

/// <summary>One record kept as a single document of the meta collection, with the value it stands for while absent.</summary>
internal sealed class MetaDocument<T>(ILiteDatabase db, bool writable, string id, T absent)
{
    private readonly ILiteCollection<BsonDocument> _meta = db.GetCollection(LiteSchema.Meta);

    public T Get()
    {
        var doc = _meta.FindById(id);
        return doc is null ? absent : JsonDocuments.Unwrap<T>(doc);
    }

    public void Save(T value)
    {
        LiteSession.EnsureWritable(writable);
        _meta.Upsert(JsonDocuments.Wrap(id, value));
    }
}
