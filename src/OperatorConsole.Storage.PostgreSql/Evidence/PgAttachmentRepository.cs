using OperatorConsole.Core.Evidence;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Evidence;

/// <summary>Metadata, SHA-256 and bytes (bytea) in one row, so an attachment commits with its change and ledger entry.</summary>
internal sealed class PgAttachmentRepository(PgContext db) : IAttachmentRepository
{
    private readonly PgDocuments _attachments = new(db, "attachments");

    public IReadOnlyList<Attachment> For(string incidentId) =>
        [.. _attachments.Where<Attachment>("incident_id = @incident", ("incident", incidentId)).OrderBy(a => a.UploadedAt)];

    public Attachment? Get(string incidentId, string attachmentId) =>
        _attachments.Where<Attachment>("id = @id AND incident_id = @incident", ("id", attachmentId), ("incident", incidentId)).FirstOrDefault();

    public byte[]? Content(string incidentId, string attachmentId) =>
        db.Rows("SELECT content FROM attachments WHERE id = @id AND incident_id = @incident", r => (byte[])r[0],
            ("id", attachmentId), ("incident", incidentId)).FirstOrDefault();

    public void Add(Attachment attachment, byte[] content) =>
        _attachments.Insert(attachment.Id, attachment, ("incident_id", attachment.IncidentId), ("sha256", attachment.Sha256), ("content", content));
}
