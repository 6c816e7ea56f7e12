using System.Text.Json.Nodes;
using LiteDB;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Evidence;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Evidence;

public sealed class EvidenceBundleTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Verify_FreshlyPreservedBundle_IsValid()
    {
        var (incident, _) = await EvidenceTestData.WithAttachmentAsync(_store);
        var bundle = await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id);

        var result = _store.Evidence.Verify(bundle.Json);

        Assert.True(result.Valid, string.Join(" | ", result.Problems));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task Preserve_IncidentWithAttachment_BundlesMetadataHashesAndOnlyThisIncidentsLedger()
    {
        var (incident, attachment) = await EvidenceTestData.WithAttachmentAsync(_store);
        await _store.Incidents.OpenAsync(TestActors.Omar, new OpenIncident("Other", IncidentClass.Other, IncidentSeverity.Sev3, [], null));
        var headBefore = _store.Ledger[^1];

        var bundle = JsonNode.Parse((await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id)).Json)!;

        var subjects = bundle["ledger"]!["entries"]!.AsArray().Select(e => (string)e!["subject"]!).ToList();
        Assert.All(subjects, s => Assert.StartsWith($"incident:{incident.Id}", s, StringComparison.Ordinal));
        Assert.Equal(2, subjects.Count);
        Assert.Equal(headBefore.Hash, (string)bundle["ledger"]!["root_hash"]!);
        Assert.Equal(attachment.Sha256, (string)bundle["attachments"]![0]!["sha256"]!);
        Assert.Null(bundle["attachments"]![0]!["content"]);
        Assert.Equal(("Omar On-call", incident.Id), ((string)bundle["preserved_by"]!, (string)bundle["incident"]!["id"]!));
    }

    [Fact]
    public async Task Preserve_Any_IsInTheLedgerAndOnTheTimelineWithTheIntegrityHash()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        var bundle = await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id);

        // A SEV-1's "Preserve evidence" then ticks itself, after the preserve entry (ObligationAutoTickTests).
        var entry = _store.Ledger.Last(e => e.Action != IncidentObligations.AutoTickAction);
        var line = _store.Incidents.Timeline(incident.Id).Last(e => e.Kind == TimelineKinds.Evidence);
        Assert.Equal(("incident.preserve-evidence", $"incident:{incident.Id}"), (entry.Action, entry.Subject));
        Assert.Contains(bundle.IntegrityHash, entry.Payload, StringComparison.Ordinal);
        Assert.Equal(("Evidence preserved", $"Integrity hash {bundle.IntegrityHash}"), (line.Text, line.Detail));
        Assert.True(_store.Audit.Verify().IsValid);
    }

    [Fact]
    public async Task Preserve_ByViewer_IsDenied()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _store.Evidence.PreserveAsync(TestActors.Viewer, incident.Id));
    }

    [Fact]
    public async Task Verify_OneCharacterFlipped_NamesIntegrityHashMismatch()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);
        var bundle = await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id);

        var result = _store.Evidence.Verify(bundle.Json.Replace("Publish blocked in", "Publish blocked In", StringComparison.Ordinal));

        Assert.False(result.Valid);
        Assert.Contains(result.Problems, p => p.StartsWith("Integrity hash mismatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_IncidentFieldChanged_NamesTheIncidentPart()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);
        var bundle = Parse(await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id));
        bundle["incident"]!["title"] = "Nothing happened";

        var result = _store.Evidence.Verify(CanonicalJson.Write(bundle));

        Assert.Contains("'incident' was changed.", result.Problems);
    }

    [Fact]
    public async Task Verify_TimelineEntryChanged_NamesThatEntry()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);
        var bundle = Parse(await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id));
        var entry = bundle["timeline"]![0]!;
        entry["text"] = "rewritten";

        var result = _store.Evidence.Verify(CanonicalJson.Write(bundle));

        Assert.Contains($"'timeline' item 1 (id {(string)entry["id"]!}) was changed.", result.Problems);
    }

    [Fact]
    public async Task Verify_AttachmentHashChangedInTheBundle_NamesThatAttachment()
    {
        var (incident, attachment) = await EvidenceTestData.WithAttachmentAsync(_store);
        var bundle = Parse(await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id));
        bundle["attachments"]![0]!["sha256"] = new string('0', 64);

        var result = _store.Evidence.Verify(CanonicalJson.Write(bundle));

        Assert.Contains($"'attachments' item 1 (id {attachment.Id}) was changed.", result.Problems);
    }

    [Fact]
    public async Task Verify_LedgerEntryChangedWithoutResealing_NamesItsSequence()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);
        var bundle = Parse(await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id));
        var first = bundle["ledger"]!["entries"]![0]!;
        first["actor"] = "mallory";

        var result = _store.Evidence.Verify(CanonicalJson.Write(bundle));

        Assert.Contains($"'ledger.entries' item 1 (sequence {(long)first["sequence"]!}) was changed.", result.Problems);
    }

    [Fact]
    public async Task Verify_TimelineEntryRemoved_SaysAnItemWasRemoved()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);
        var bundle = Parse(await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id));
        bundle["timeline"]!.AsArray().RemoveAt(0);

        var result = _store.Evidence.Verify(CanonicalJson.Write(bundle));

        Assert.Contains(result.Problems, p => p.StartsWith("'timeline' has 0 items where 1 were sealed", StringComparison.Ordinal));
    }

    private static JsonObject Parse(PreservedBundle bundle) => JsonNode.Parse(bundle.Json)!.AsObject();

#if !POSTGRESQL // LiteDB file specific: rewrites the bytes in the file
    [Fact]
    public async Task Verify_AttachmentBytesTamperedInDatabase_NamesThatAttachment()
    {
        var (incident, attachment) = await EvidenceTestData.WithAttachmentAsync(_store);
        var bundle = await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id);

        // Someone with the database file rewrites the stored bytes while the console is down.
        _store.Close();
        using (var db = new LiteDatabase(_store.DataFile))
        {
            using var altered = new MemoryStream("nothing happened here\n"u8.ToArray());
            db.FileStorage.Upload(LiteAttachmentRepository.FileId(incident.Id, attachment.Id), attachment.Name, altered);
        }

        _store.Open();

        var result = _store.Evidence.Verify(bundle.Json);

        Assert.False(result.Valid);
        Assert.Equal($"Attachment 'publish.log' ({attachment.Id}): the stored bytes no longer match the SHA-256 recorded in the bundle ({attachment.Sha256}).",
            Assert.Single(result.Problems));
    }
#endif

    [Fact]
    public async Task Verify_ResealedBundleWithAlteredLedgerEntry_TamperedNamingThePartAndSequence()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);
        var bundle = JsonNode.Parse((await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id)).Json)!.AsObject();
        var first = bundle["ledger"]!["entries"]![0]!;
        first["actor"] = "mallory";

        // Resealing makes the integrity hash fit again; only the console's own records can catch it.
        var result = _store.Evidence.Verify(EvidenceBundle.Seal(bundle, out _));

        Assert.Equal(BundleVerdict.Tampered, result.Verdict);
        Assert.Equal(["ledger.entries"], result.DifferingParts);
        Assert.Contains($"Ledger entry {(long)first["sequence"]!} does not match this console's ledger at that sequence.", result.Problems);
    }

    [Fact]
    public async Task Verify_ResealedBundleWithEditedTitle_TamperedNamingTheIncidentPart()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);
        var bundle = Parse(await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id));
        bundle["incident"]!["title"] = "Nothing happened";

        var result = _store.Evidence.Verify(EvidenceBundle.Seal(bundle, out _));

        Assert.Equal((BundleVerdict.Tampered, false), (result.Verdict, result.Valid));
        Assert.Equal(["incident"], result.DifferingParts);
    }

    [Fact]
    public async Task Verify_FreshlyPreservedBundle_IssuedHereValidCarryingItsCheckpoint()
    {
        var incident = await EvidenceTestData.OpenIncidentAsync(_store);
        var preserved = await _store.Evidence.PreserveAsync(TestActors.Omar, incident.Id);

        var result = _store.Evidence.Verify(preserved.Json);

        var bundle = Parse(preserved);
        Assert.Equal(BundleVerdict.IssuedHereValid, result.Verdict);
        Assert.Equal((long)bundle["ledger"]!["head_sequence"]!, (long)bundle["checkpoint"]!["sequence"]!);
        Assert.Equal(_store.CheckpointKey.KeyId, (string)bundle["checkpoint"]!["key_id"]!);
    }

    [Fact]
    public async Task Verify_BundleFromAnotherConsole_NotIssuedHereButConsistent()
    {
        using var other = new TestStore();
        var incident = await EvidenceTestData.OpenIncidentAsync(other);
        var foreign = await other.Evidence.PreserveAsync(TestActors.Omar, incident.Id);

        var result = _store.Evidence.Verify(foreign.Json);

        Assert.Equal((BundleVerdict.ForeignConsistent, "Not issued here; internally consistent."), (result.Verdict, result.Summary));
    }

    [Fact]
    public async Task Verify_AnotherConsolesBundleOfTheSameIncidentId_NotIssuedHereRatherThanTampered()
    {
        var ours = await EvidenceTestData.OpenIncidentAsync(_store);
        await _store.Evidence.PreserveAsync(TestActors.Omar, ours.Id);
        using var other = new TestStore();
        var theirs = await EvidenceTestData.OpenIncidentAsync(other);
        var foreign = await other.Evidence.PreserveAsync(TestActors.Omar, theirs.Id);

        var result = _store.Evidence.Verify(foreign.Json);

        Assert.Equal(ours.Id, theirs.Id);
        Assert.Equal(BundleVerdict.ForeignConsistent, result.Verdict);
    }

    [Fact]
    public async Task Verify_EditedBundleFromAnotherConsole_NotIssuedHereAndInconsistent()
    {
        using var other = new TestStore();
        var incident = await EvidenceTestData.OpenIncidentAsync(other);
        var foreign = await other.Evidence.PreserveAsync(TestActors.Omar, incident.Id);

        var result = _store.Evidence.Verify(foreign.Json.Replace("Publish blocked in", "Publish blocked In", StringComparison.Ordinal));

        Assert.Equal(BundleVerdict.ForeignInconsistent, result.Verdict);
        Assert.StartsWith("Not issued here; inconsistent: Integrity hash mismatch", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"format\": ")]
    [InlineData("[1, 2]")]
    public void Verify_MalformedJson_SaysTheBundleIsNotValidJson(string text)
    {
        var result = _store.Evidence.Verify(text);

        Assert.Equal(BundleVerdict.Malformed, result.Verdict);
        Assert.StartsWith("The bundle is not valid JSON", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_JsonObjectWithoutBundleShape_SaysWhatIsMissing()
    {
        var result = _store.Evidence.Verify("""{"integrity_hash": "abc"}""");

        Assert.False(result.Valid);
        Assert.Contains(result.Problems, p => p.Contains("'incident' is missing", StringComparison.Ordinal));
    }
}
