using System.Text.Json;
using System.Text.Json.Nodes;
using OperatorConsole.Cli.Common;
using OperatorConsole.Cli.Tests.Shared;
using OperatorConsole.Testing;

namespace OperatorConsole.Cli.Tests.Commands;

public sealed class EvidenceCommandTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IDisposable
{
    private readonly CliRun _cli = new(host);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("opsctl-evidence-");

    [Fact]
    public async Task Verify_ExportedBundle_IsConsistentWithoutAnyServer()
    {
        var bundle = await ExportAsync();

        // No URL, no key: verify never talks to a console.
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["evidence", "verify", bundle, "-o", "json"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var verdict = JsonDocument.Parse(result.Out).RootElement;
        Assert.True(verdict.GetProperty("consistent").GetBoolean());
        Assert.Equal("incident", verdict.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Verify_BundleWithEditedIncidentTitle_ExitsVerifyFailedNamingThePart()
    {
        var bundle = await ExportAsync();
        var json = JsonNode.Parse(await File.ReadAllTextAsync(bundle))!.AsObject();
        json["incident"]!["title"] = "Nothing happened here";
        await File.WriteAllTextAsync(bundle, json.ToJsonString());

        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["evidence", "verify", bundle]);

        Assert.Equal(ExitCodes.VerifyFailed, result.ExitCode);
        Assert.Contains("INVALID: 'incident' was changed.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Integrity hash mismatch", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FileThatIsNotJson_ExitsBadInput()
    {
        var path = Path.Combine(_folder.FullName, "notes.txt");
        await File.WriteAllTextAsync(path, "not a bundle");

        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["evidence", "verify", path]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("not valid JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownIncident_ExitsNotFound()
    {
        var result = await _cli.Async("evidence", "export", "INC-none");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Empty(result.Out);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Opens an incident with a note and writes its exported bundle where a shell's "&gt; bundle.json" would.</summary>
    private async Task<string> ExportAsync()
    {
        var opened = await _cli.Async("incidents", "open", "--title", "Evidence for opsctl", "--severity", "Sev2", "-o", "json");
        var id = JsonDocument.Parse(opened.Out).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(ExitCodes.Ok, (await _cli.Async("incidents", "note", id, "first finding")).ExitCode);

        var exported = await _cli.Async("evidence", "export", id);

        Assert.Equal(ExitCodes.Ok, exported.ExitCode);
        var path = Path.Combine(_folder.FullName, $"{id}.json");
        await File.WriteAllTextAsync(path, exported.Out);
        return path;
    }
}
