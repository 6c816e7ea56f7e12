using System.Security.Cryptography;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Evidence;

public sealed class AttachmentTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Attach_LogExcerpt_RoundTripsBytesAndMetadataAcrossReopen()
    {
        var (incident, attachment) = await EvidenceTestData.WithAttachmentAsync(_store);

        _store.Reopen();
        var (stored, content) = _store.Evidence.Open(incident.Id, attachment.Id);

        Assert.Equal(EvidenceTestData.LogExcerpt, content);
        Assert.Equal(attachment, stored);
        Assert.Equal(("publish.log", "text/plain", EvidenceTestData.LogExcerpt.LongLength, "Omar On-call"),
            (stored.Name, stored.ContentType, stored.Size, stored.UploadedBy));
    }

    [Fact]
    public async Task Attach_Bytes_RecordsLowercaseHexSha256OfContent()
    {
        var (_, attachment) = await EvidenceTestData.WithAttachmentAsync(_store);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(EvidenceTestData.LogExcerpt)), attachment.Sha256);
    }

    [Fact]
    public async Task Attach_OverFiveMegabytes_IsRefusedWithLimitInMessageAndStoresNothing()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() =>
            _store.Evidence.AttachAsync(TestActors.Omar, incident.Id, "dump.json", "application/json", new byte[AttachmentRules.MaxBytes + 1]));

        Assert.Contains("the limit is 5 MB", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Evidence.Attachments(incident.Id));
    }

    [Fact]
    public async Task Attach_ExactlyFiveMegabytes_IsAccepted()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        var attachment = await _store.Evidence.AttachAsync(TestActors.Omar, incident.Id, "dump.bin", null, new byte[AttachmentRules.MaxBytes]);

        Assert.Equal(AttachmentRules.MaxBytes, _store.Evidence.Open(incident.Id, attachment.Id).Content.LongLength);
    }

    [Fact]
    public async Task Attach_EmptyFile_IsRefused()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() =>
            _store.Evidence.AttachAsync(TestActors.Omar, incident.Id, "empty.txt", "text/plain", []));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_ByViewer_IsDeniedAndTheDenialIsInTheLedger()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            _store.Evidence.AttachAsync(TestActors.Viewer, incident.Id, "x.txt", "text/plain", [1]));

        Assert.Empty(_store.Evidence.Attachments(incident.Id));
        Assert.Equal(("incident.attach", "denied"), (_store.Ledger[^1].Action, _store.Ledger[^1].Outcome));
    }

    [Fact]
    public async Task Attach_ByIncidentOwner_IsAllowed()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        var attachment = await _store.Evidence.AttachAsync(TestActors.Ines, incident.Id, "state.json", "application/json", [123, 125]);

        Assert.Equal("Ines Incident-owner", attachment.UploadedBy);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\logs\\app<1>.log", "app1.log")]
    [InlineData("  ..\u0007  ", "attachment")]
    public async Task Attach_UnsafeName_IsSanitized(string given, string expected)
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        var attachment = await _store.Evidence.AttachAsync(TestActors.Omar, incident.Id, given, "text/plain", [1]);

        Assert.Equal(expected, attachment.Name);
    }

    [Fact]
    public async Task Attach_HtmlContentType_IsStoredAsOctetStream()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        var attachment = await _store.Evidence.AttachAsync(TestActors.Omar, incident.Id, "x.html", "text/html", [1]);

        Assert.Equal("application/octet-stream", attachment.ContentType);
    }

    [Fact]
    public async Task Attach_Any_AppendsLedgerAndTimelineEntriesNamingTheHash()
    {
        var (incident, attachment) = await EvidenceTestData.WithAttachmentAsync(_store);

        var entry = _store.Ledger[^1];
        var line = _store.Incidents.Timeline(incident.Id)[^1];
        Assert.Equal(("incident.attach", $"incident:{incident.Id}/attachment:{attachment.Id}"), (entry.Action, entry.Subject));
        Assert.Contains(attachment.Sha256, entry.Payload, StringComparison.Ordinal);
        Assert.Equal((TimelineKinds.Attachment, "Attached publish.log"), (line.Kind, line.Text));
    }

    [Fact]
    public async Task Attach_UnknownIncident_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            _store.Evidence.AttachAsync(TestActors.Omar, "INC-9999", "x.txt", "text/plain", [1]));
    }
}
