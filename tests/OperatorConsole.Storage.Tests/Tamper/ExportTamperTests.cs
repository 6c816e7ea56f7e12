using System.Text.Json.Nodes;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Storage.Tests.Shared;
using Xunit.Abstractions;

namespace OperatorConsole.Storage.Tests.Tamper;

/// <summary>
/// The tamper suite over what leaves the console: a ledger export (checked with its checkpoints and the published key,
/// as a third party would) and an evidence bundle (handed back to the console's verify). Each mutation must be caught.
/// </summary>
public sealed class ExportTamperTests(ITestOutputHelper output)
{
    private static readonly (string Name, Func<List<LedgerEntry>, List<LedgerCheckpoint>, (List<LedgerEntry>, List<LedgerCheckpoint>)> Edit)[] ExportCases =
    [
        ("export: entry field edited", (e, c) => (Replace(e, 3, x => x with { Actor = "mallory" }), c)),
        ("export: entry deleted", (e, c) => ([.. e.Where(x => x.Sequence != 4)], c)),
        ("export: entries reordered", (e, c) => ([.. e.Take(3), e[4], e[3], .. e.Skip(5)], c)),
        ("export: tail truncated", (e, c) => ([.. e.Take(e.Count - 2)], c)),
        ("export: forged entry appended", (e, c) => ([.. e, LedgerHasher.Link(e[^1], DateTimeOffset.UtcNow, "ada", "user.create", "user:mallory", "allowed", "{}")], c)),
        ("export: chain rewritten after an edit", (e, c) => (Rehashed(Replace(e, 3, x => x with { Actor = "mallory" })), c)),
        ("export: checkpoint signature altered", (e, c) => (e, [.. c.Take(c.Count - 1), c[^1] with { Signature = c[^2].Signature }])),
        ("export: checkpoint removed from the middle", (e, c) => (e, [c[0], .. c.Skip(2)])),
    ];

    private static readonly (string Name, Func<JsonObject, string> Edit)[] BundleCases =
    [
        ("bundle: title edited, hashes left", b => { b["incident"]!["title"] = "Nothing happened"; return CanonicalJson.Write(b); }),
        ("bundle: title edited and resealed", b => { b["incident"]!["title"] = "Nothing happened"; return EvidenceBundle.Seal(b, out _); }),
        ("bundle: timeline entry removed and resealed", b => { b["timeline"]!.AsArray().RemoveAt(0); return EvidenceBundle.Seal(b, out _); }),
        ("bundle: attachment hash replaced and resealed", b => { b["attachments"]![0]!["sha256"] = new string('0', 64); return EvidenceBundle.Seal(b, out _); }),
        ("bundle: cited ledger entry edited and resealed", b => { b["ledger"]!["entries"]![0]!["actor"] = "mallory"; return EvidenceBundle.Seal(b, out _); }),
        ("bundle: ledger root hash edited and resealed", b => { b["ledger"]!["root_hash"] = new string('a', 64); return EvidenceBundle.Seal(b, out _); }),
        ("bundle: checkpoint signature swapped and resealed", b => { b["checkpoint"]!["signature"] = "MEUCIQ=="; return EvidenceBundle.Seal(b, out _); }),
        ("bundle: head sequence moved and resealed", b => { b["ledger"]!["head_sequence"] = 1; return EvidenceBundle.Seal(b, out _); }),
    ];

    [Fact]
    public async Task TamperSuite_EveryExportAndBundleMutation_IsCaught()
    {
        using var scene = await TamperScene.CreateAsync();
        var s = scene.Store;
        await s.Evidence.AttachAsync(TestActors.Omar, scene.Incident.Id, "publish.log", "text/plain", "line\n"u8.ToArray());
        var bundle = await s.Evidence.PreserveAsync(TestActors.Omar, scene.Incident.Id);
        var export = await s.ExportLedgerAsync();
        Assert.Equal(BundleVerdict.IssuedHereValid, s.Evidence.Verify(bundle.Json).Verdict);
        Assert.Null(ExportProblem([.. export.Entries], [.. export.Checkpoints], s));

        var results = new List<(string Name, string? How)>();
        foreach (var (name, edit) in ExportCases)
        {
            var (entries, checkpoints) = edit([.. export.Entries], [.. export.Checkpoints]);
            results.Add((name, ExportProblem(entries, checkpoints, s)));
        }

        foreach (var (name, edit) in BundleCases)
        {
            var result = s.Evidence.Verify(edit(JsonNode.Parse(bundle.Json)!.AsObject()));
            var caught = result.Verdict is BundleVerdict.Tampered or BundleVerdict.ForeignInconsistent;
            results.Add((name, caught ? $"{result.Verdict}: {result.Summary}" : null));
        }

        foreach (var (name, how) in results)
        {
            output.WriteLine(how is null ? $"MISSED  {name}" : $"caught  {name}: {how}");
        }

        output.WriteLine($"Export and bundle tamper suite: tried {results.Count}, caught {results.Count(r => r.How is not null)}.");
        Assert.DoesNotContain(results, r => r.How is null);
    }

    /// <summary>As a third party checks an export: the chain, the checkpoints with the published key, and every entry sealed.</summary>
    private static string? ExportProblem(List<LedgerEntry> entries, List<LedgerCheckpoint> checkpoints, TestStore s)
    {
        var v = LedgerVerifier.Verify(entries, checkpoints, s.CheckpointKey);
        return !v.IsValid ? v.Problem : v.NotYetSealed > 0 ? $"{v.NotYetSealed} entries are not sealed by the export's checkpoints" : null;
    }

    private static List<LedgerEntry> Replace(List<LedgerEntry> entries, long sequence, Func<LedgerEntry, LedgerEntry> edit) =>
        [.. entries.Select(e => e.Sequence == sequence ? edit(e) : e)];

    private static List<LedgerEntry> Rehashed(List<LedgerEntry> entries)
    {
        var result = new List<LedgerEntry>();
        foreach (var e in entries)
        {
            result.Add(LedgerHasher.Link(result.Count == 0 ? null : result[^1], e.At, e.Actor, e.Action, e.Subject, e.Outcome, e.Payload));
        }

        return result;
    }
}
