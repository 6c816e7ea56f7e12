namespace OperatorConsole.Core.Evidence;

/// <summary>What is known about a file attached to an incident; the bytes live in the store beside it.</summary>
public sealed record Attachment
{
    public required string Id { get; init; }
    public required string IncidentId { get; init; }
    public required string Name { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }

    /// <summary>SHA-256 of the bytes, lowercase hex, computed by Core before they are stored.</summary>
    public required string Sha256 { get; init; }
    public required string UploadedBy { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }
}

public interface IAttachmentRepository
{
    /// <summary>Oldest first.</summary>
    IReadOnlyList<Attachment> For(string incidentId);

    Attachment? Get(string incidentId, string attachmentId);

    /// <summary>The stored bytes, or null when they are gone.</summary>
    byte[]? Content(string incidentId, string attachmentId);

    void Add(Attachment attachment, byte[] content);
}
