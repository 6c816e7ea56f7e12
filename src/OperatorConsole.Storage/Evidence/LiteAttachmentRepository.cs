using LiteDB;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Evidence;

/// <summary>
/// Metadata in its own collection; the bytes in LiteDB FileStorage inside the same database file, so
/// an attachment commits (or rolls back) with the writer's transaction and its ledger entry.
/// </summary>
internal sealed class LiteAttachmentRepository(ILiteDatabase db, bool writable) : IAttachmentRepository
{
    private readonly ILiteCollection<BsonDocument> _attachments = db.GetCollection(LiteSchema.Attachments);

    public static string FileId(string incidentId, string attachmentId) => $"att/{incidentId}/{attachmentId}";

    public IReadOnlyList<Attachment> For(string incidentId) =>
        [.. _attachments.Find(Query.EQ("incidentId", incidentId)).Select(JsonDocuments.Unwrap<Attachment>).OrderBy(a => a.UploadedAt)];

    public Attachment? Get(string incidentId, string attachmentId)
    {
        var doc = _attachments.FindById(attachmentId);
        var attachment = doc is null ? null : JsonDocuments.Unwrap<Attachment>(doc);
        return attachment?.IncidentId == incidentId ? attachment : null;
    }

    public byte[]? Content(string incidentId, string attachmentId)
    {
        var id = FileId(incidentId, attachmentId);
        if (db.FileStorage.FindById(id) is null)
        {
            return null;
        }

        using var stream = db.FileStorage.OpenRead(id);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public void Add(Attachment attachment, byte[] content)
    {
        LiteSession.EnsureWritable(writable);
        _attachments.Insert(JsonDocuments.Wrap(attachment.Id, attachment, ("incidentId", attachment.IncidentId)));
        using var stream = new MemoryStream(content, writable: false);
        db.FileStorage.Upload(FileId(attachment.IncidentId, attachment.Id), attachment.Name, stream);
    }
}
