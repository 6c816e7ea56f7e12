using System.Security.Cryptography;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Evidence;

/// <summary>
/// Attachments and evidence bundles of an incident. The same responders who record evidence
/// (on-call or the incident owner) may attach files and preserve bundles.
/// </summary>
public sealed partial class EvidenceService(ChangeRunner changes, BundleSealer bundles, ICheckpointSigner signer)
{
    public const Role Responders = IncidentService.Responders;

    /// <summary>The ledger action of a preserved bundle; its payload records the integrity hash and the part digests.</summary>
    public const string PreserveAction = "incident.preserve-evidence";

    public IReadOnlyList<Attachment> Attachments(string incidentId) => changes.Store.Read(s => s.Attachments.For(incidentId));

    /// <summary>The attachment and its bytes, or <see cref="NotFoundException"/>.</summary>
    public (Attachment Attachment, byte[] Content) Open(string incidentId, string attachmentId) =>
        changes.Store.Read(s =>
        {
            var attachment = s.Attachments.Get(incidentId, attachmentId)
                ?? throw new NotFoundException($"No attachment '{attachmentId}' on incident '{incidentId}'.");
            var content = s.Attachments.Content(incidentId, attachmentId)
                ?? throw new NotFoundException($"The bytes of attachment '{attachmentId}' are missing.");
            return (attachment, content);
        });

    public async Task<Attachment> AttachAsync(Actor actor, string incidentId, string? name, string? contentType, byte[] content)
    {
        // Hashed here, outside the writer thread, so the transaction holds the writer only for the store.
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        return await changes.RunAsync(actor, c =>
        {
            c.Require(EvidenceActions.Attach, $"incident:{incidentId}");
            var safeName = AttachmentRules.SanitizeName(name);
            AttachmentRules.EnsureSize(safeName, content.LongLength);
            var type = AttachmentRules.NormalizeContentType(contentType);
            var incident = c.Session.Incidents.Get(incidentId) ?? throw new NotFoundException($"No incident '{incidentId}'.");
            var attachment = new Attachment
            {
                Id = Guid.NewGuid().ToString("N")[..12],
                IncidentId = incident.Id,
                Name = safeName,
                ContentType = type,
                Size = content.LongLength,
                Sha256 = sha256,
                UploadedBy = c.Actor.DisplayName,
                UploadedAt = c.Now,
            };
            c.Session.Attachments.Add(attachment, content);
            var entry = c.Record(EvidenceActions.Attach, $"incident:{incident.Id}/attachment:{attachment.Id}",
                new { attachment.Name, attachment.ContentType, attachment.Size, attachment.Sha256 });
            IncidentTimeline.Append(c, incident.Id, TimelineKinds.Attachment, $"Attached {safeName}", $"{attachment.Size} bytes, SHA-256 {sha256}");
            c.Publish(Topics.Incidents, EvidenceActions.Attach, incident.Id, incident.Title, entry.Sequence);
            return attachment;
        });
    }
}
