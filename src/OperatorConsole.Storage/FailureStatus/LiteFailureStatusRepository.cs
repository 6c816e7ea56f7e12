using LiteDB;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.FailureStatus;

/// <summary>The one failure status, as a document in the meta collection; absent means NORMAL.</summary>
internal sealed class LiteFailureStatusRepository(ILiteDatabase db, bool writable) : IFailureStatusRepository
{
    private const string Id = "failure-status";

    private readonly ILiteCollection<BsonDocument> _meta = db.GetCollection(LiteSchema.Meta);

    public FailureState Current()
    {
        var doc = _meta.FindById(Id);
        return doc is null ? FailureState.Normal : JsonDocuments.Unwrap<FailureState>(doc);
    }

    public void Save(FailureState state)
    {
        LiteSession.EnsureWritable(writable);
        _meta.Upsert(JsonDocuments.Wrap(Id, state));
    }
}
