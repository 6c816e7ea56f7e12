using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Api;

/// <summary>
/// The Python verifiers of docs/ run against what the real host exports, and against tampered copies: a third party
/// needs nothing of ours but python3 (and its `cryptography` package for the signatures).
/// </summary>
public sealed class DocsVerifierTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("oc-verifier-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task VerifyLedgerPy_ExportAndPublishedKey_ExitsZero()
    {
        var (export, key) = await ExportAsync();

        var (code, text) = await RunAsync("verify_ledger.py", Save("export.json", export.ToJsonString()), "--public-key", key);

        Assert.True(code == 0, text);
    }

    [Theory]
    [InlineData("entry edited")]
    [InlineData("root hash edited")]
    [InlineData("tail truncated")]
    [InlineData("checkpoint signature swapped")]
    public async Task VerifyLedgerPy_TamperedExport_ExitsOne(string tampering)
    {
        var (export, key) = await ExportAsync();
        var entries = export["entries"]!.AsArray();
        var checkpoints = export["checkpoints"]!.AsArray();
        switch (tampering)
        {
            case "entry edited": entries[0]!["actor"] = "mallory"; break;
            case "root hash edited": export["rootHash"] = new string('0', 64); break;
            case "tail truncated":
                entries.RemoveAt(entries.Count - 1);
                export["rootHash"] = entries[^1]!["hash"]!.GetValue<string>();
                break;
            default: checkpoints[^1]!["signature"] = checkpoints[0]!["signature"]!.GetValue<string>(); break;
        }

        var (code, text) = await RunAsync("verify_ledger.py", Save("export.json", export.ToJsonString()), "--public-key", key);

        Assert.True(code == 1, text);
    }

    [Fact]
    public async Task VerifyBundlePy_PreservedBundle_ExitsZeroAndEditedCopyExitsOne()
    {
        var bundle = await PreserveAsync();

        var (valid, validText) = await RunAsync("verify_bundle.py", Save("bundle.json", bundle));
        var (edited, editedText) = await RunAsync("verify_bundle.py", Save("edited.json", bundle.Replace("Verifier test", "Verifier tesT", StringComparison.Ordinal)));

        Assert.True(valid == 0, validText);
        Assert.True(edited == 1, editedText);
    }

    [Fact]
    public async Task VerifyApi_BundleEditedAndResealed_SaysTamperedNamingThePart()
    {
        var bundle = JsonNode.Parse(await PreserveAsync())!.AsObject();
        bundle["incident"]!["title"] = "Nothing happened";
        using var client = await host.ApiClientAsync(Role.Viewer);

        using var response = await client.PostAsync("/api/evidence/verify", new StringContent(EvidenceBundle.Seal(bundle, out _), Encoding.UTF8, "application/json"));

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("tampered", result.GetProperty("verdict").GetString());
        Assert.Equal("incident", result.GetProperty("differingParts")[0].GetString());
    }

    [Fact]
    public async Task VerifyBundlePy_ArchivedLaunchBundle_ExitsZeroAndChangedSignOffExitsOne()
    {
        var bundle = await ArchiveLaunchAsync();

        var (valid, validText) = await RunAsync("verify_bundle.py", Save("launch.json", bundle));
        var (edited, editedText) = await RunAsync("verify_bundle.py", Save("launch-edited.json", bundle.Replace("QA passed.", "QA skipped.", StringComparison.Ordinal)));

        Assert.True(valid == 0, validText);
        Assert.Contains("launch bundle", validText, StringComparison.Ordinal);
        Assert.True(edited == 1, editedText);
        Assert.Contains("part 'sign_offs' does not match its sealed hash (item 1)", editedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyApi_LaunchBundleWithSignOffEditedAndResealed_SaysTamperedNamingSignOffs()
    {
        var bundle = JsonNode.Parse(await ArchiveLaunchAsync())!.AsObject();
        bundle["sign_offs"]![0]!["user_name"] = "Mallory";
        using var client = await host.ApiClientAsync(Role.Viewer);

        using var response = await client.PostAsync("/api/evidence/verify", new StringContent(EvidenceBundle.Seal(bundle, out _), Encoding.UTF8, "application/json"));

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("tampered", result.GetProperty("verdict").GetString());
        Assert.Equal("sign_offs", result.GetProperty("differingParts")[0].GetString());
    }

    /// <summary>A launch held in memory, archived in the host's store the way the launch service archives one.</summary>
    private async Task<string> ArchiveLaunchAsync()
    {
        var at = DateTimeOffset.UtcNow;
        var launch = new Launch
        {
            Id = "launch-" + Guid.NewGuid().ToString("N")[..8],
            ReleaseId = "porto-2026.11.30",
            ScopeId = "porto",
            ReleaseVersion = "2026.11.30",
            Expectations = new ConfigExpectations(),
            Steps = [new LaunchStep(LaunchStepKind.ConfigVerified, LaunchStepState.Passed, at, "Rita", "Config verified", [new LaunchCheck("Auth key API_KEY", true, "present")])],
            SignOffs = [new SignOff(SignOffArea.Qa, "quinn", "Quinn QA", at, "QA passed.", 1)],
            CreatedBy = "Rita",
            CreatedAt = at,
        };
        var archived = await host.Service<ChangeRunner>().RunAsync(Actor.System, c => LaunchBundle.Archive(c, host.Service<BundleSealer>(), launch));
        return archived.Json;
    }

    private async Task<(JsonObject Export, string KeyFile)> ExportAsync()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);
        await PreserveAsync();
        var export = JsonNode.Parse(await client.GetStringAsync("/api/ledger/export"))!.AsObject();
        var key = Save("key.pem", await client.GetStringAsync("/api/ledger/public-key"));
        return (export, key);
    }

    private async Task<string> PreserveAsync()
    {
        var incident = await host.Service<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident("Verifier test", IncidentClass.Other, IncidentSeverity.Sev3, ["zrh"], null));
        using var client = await host.ApiClientAsync(Role.OnCall);
        using var response = await client.PostAsync($"/api/incidents/{incident.Id}/evidence-bundle", null);
        return await response.Content.ReadAsStringAsync();
    }

    private string Save(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Output)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(DocsFolder(), script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string DocsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "verify_ledger.py")))
            {
                return Path.Combine(dir.FullName, "docs");
            }
        }

        throw new DirectoryNotFoundException("docs/verify_ledger.py was not found above the test binaries.");
    }
}
