using LiteDB;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Outbound;

/// <summary>The outbound allow-list as one meta document.</summary>
internal sealed class LiteOutboundRepository(ILiteDatabase db, bool writable) : IOutboundRepository
{
    private const string AllowListId = "outbound-allow-list";

    private readonly ILiteCollection<BsonDocument> _meta = db.GetCollection(LiteSchema.Meta);

    public OutboundAllowList AllowList()
    {
        var doc = _meta.FindById(AllowListId);
        return doc is null ? OutboundAllowList.Empty : JsonDocuments.Unwrap<OutboundAllowList>(doc);
    }

    public void Save(OutboundAllowList allowList)
    {
        LiteSession.EnsureWritable(writable);
        _meta.Upsert(JsonDocuments.Wrap(AllowListId, allowList));
    }
}
