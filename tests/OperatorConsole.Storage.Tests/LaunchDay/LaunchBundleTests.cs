using System.Text.Json.Nodes;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.LaunchDay;

/// <summary>A launch's bundle goes through the one evidence verifier exactly as an incident's does.</summary>
public sealed class LaunchBundleTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Verify_FreshlyArchivedLaunchBundle_IssuedHereValid()
    {
        var bundle = await LaunchTestData.ArchiveAsync(_store, LaunchTestData.Launch());

        var result = _store.Evidence.Verify(bundle.Json);

        Assert.True(result.Valid, string.Join(" | ", result.Problems));
        Assert.Equal(BundleVerdict.IssuedHereValid, result.Verdict);
    }

    [Fact]
    public async Task Archive_Launch_BundlesItsPartsAndOnlyItsOwnLedgerEntries()
    {
        var launch = LaunchTestData.Launch();

        var bundle = Parse(await LaunchTestData.ArchiveAsync(_store, launch));

        var subjects = bundle["ledger"]!["entries"]!.AsArray().Select(e => (string)e!["subject"]!).ToList();
        Assert.Equal(3, subjects.Count);
        Assert.All(subjects, s => Assert.StartsWith($"launch:{launch.Id}/", s, StringComparison.Ordinal));
        Assert.Equal(launch.Id, (string)bundle["launch"]!["id"]!);
        Assert.Null(bundle["launch"]!["sign_offs"]);
        Assert.Equal(["Product", "Engineering", "Qa"], bundle["sign_offs"]!.AsArray().Select(s => (string)s!["area"]!));
        Assert.Equal(5, bundle["steps"]!.AsArray().Count);
        Assert.Equal("sha256:" + new string('a', 64), (string)bundle["config_snapshot"]!["auth_keys"]![0]!["sha256_fingerprint"]!);
        Assert.Equal(_store.Ledger[^2].Hash, (string)bundle["ledger"]!["root_hash"]!);
    }

    [Fact]
    public async Task Archive_Launch_RecordsTheArchiveEntryWithHashAndPartDigests()
    {
        var launch = LaunchTestData.Launch();

        var bundle = await LaunchTestData.ArchiveAsync(_store, launch);

        var entry = _store.Ledger[^1];
        Assert.Equal((LaunchBundle.ArchiveAction, $"launch:{launch.Id}"), (entry.Action, entry.Subject));
        var payload = JsonNode.Parse(entry.Payload)!;
        Assert.Equal(bundle.IntegrityHash, (string)payload["integrityHash"]!);
        Assert.Equal(3, (int)payload["ledgerEntries"]!);
        Assert.NotNull(payload["parts"]!["sign_offs"]);
        Assert.True(_store.Audit.Verify().IsValid);
    }

    [Fact]
    public async Task Verify_ResealedBundleWithChangedSignOff_TamperedNamingTheSignOffs()
    {
        var bundle = Parse(await LaunchTestData.ArchiveAsync(_store, LaunchTestData.Launch()));
        bundle["sign_offs"]![1]!["user_name"] = "Mallory";

        var result = _store.Evidence.Verify(EvidenceBundle.Seal(bundle, out _));

        Assert.Equal(BundleVerdict.Tampered, result.Verdict);
        Assert.Equal(["sign_offs"], result.DifferingParts);
    }

    [Fact]
    public async Task Verify_SignOffChangedWithoutResealing_NamesTheItemByArea()
    {
        var bundle = Parse(await LaunchTestData.ArchiveAsync(_store, LaunchTestData.Launch()));
        bundle["sign_offs"]![2]!["statement"] = "QA never ran.";

        var result = _store.Evidence.Verify(bundle.ToJsonString());

        Assert.Equal(BundleVerdict.Tampered, result.Verdict);
        Assert.Contains("'sign_offs' item 3 (area Qa) was changed.", result.Problems);
    }

    [Fact]
    public async Task Verify_ResealedBundleWithChangedLaunchRecord_TamperedNamingTheLaunchPart()
    {
        var bundle = Parse(await LaunchTestData.ArchiveAsync(_store, LaunchTestData.Launch()));
        bundle["launch"]!["build_checksum"] = new string('c', 64);

        var result = _store.Evidence.Verify(EvidenceBundle.Seal(bundle, out _));

        Assert.Equal(BundleVerdict.Tampered, result.Verdict);
        Assert.Equal(["launch"], result.DifferingParts);
    }

    [Fact]
    public async Task Verify_ResealedBundleWithConfigSnapshotChanged_TamperedNamingIt()
    {
        var bundle = Parse(await LaunchTestData.ArchiveAsync(_store, LaunchTestData.Launch()));
        bundle["config_snapshot"]!["values"]!["api.endpoint"] = "https://evil.example";

        var result = _store.Evidence.Verify(EvidenceBundle.Seal(bundle, out _));

        Assert.Equal(["config_snapshot"], result.DifferingParts);
    }

    [Fact]
    public async Task Verify_LaunchBundleFromAnotherConsole_NotIssuedHereButConsistent()
    {
        using var other = new TestStore();
        var foreign = await LaunchTestData.ArchiveAsync(other, LaunchTestData.Launch());

        var result = _store.Evidence.Verify(foreign.Json);

        Assert.Equal(BundleVerdict.ForeignConsistent, result.Verdict);
    }

    [Fact]
    public async Task Verify_LaunchIdChangedAndResealed_NotValid()
    {
        var bundle = Parse(await LaunchTestData.ArchiveAsync(_store, LaunchTestData.Launch()));
        bundle["launch"]!["id"] = "launch-other";

        var result = _store.Evidence.Verify(EvidenceBundle.Seal(bundle, out _));

        Assert.False(result.Valid);
    }

    [Theory]
    [InlineData("launch:launch-porto-1", true)]
    [InlineData("launch:launch-porto-1/sign-off:Qa", true)]
    [InlineData("launch:launch-porto-10", false)]
    [InlineData("incident:launch-porto-1", false)]
    public void IsLaunchSubject_Subject_CoversTheLaunchAndBelow(string subject, bool covered)
    {
        Assert.Equal(covered, LaunchBundle.IsLaunchSubject(subject, "launch-porto-1"));
    }

    private static JsonObject Parse(PreservedBundle bundle) => JsonNode.Parse(bundle.Json)!.AsObject();
}
