using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Api;

/// <summary>The checkpoint endpoints of the real host: the published key, the exported checkpoints and verify's coverage.</summary>
public sealed class LedgerIntegrityApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Checkpoints_HostStarted_BeginWithAStartupCheckpointSignedByThePublishedKey()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);

        var export = await client.GetFromJsonAsync<JsonElement>("/api/ledger/checkpoints");
        var pem = await client.GetStringAsync("/api/ledger/public-key");

        var first = export.GetProperty("checkpoints")[0];
        Assert.Equal(CheckpointReasons.Startup, first.GetProperty("reason").GetString());
        Assert.Equal(host.Service<ICheckpointSigner>().KeyId, export.GetProperty("keyId").GetString());
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", pem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterAnExport_EveryEntryUpToTheExportIsSealed()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);
        var export = await client.GetFromJsonAsync<JsonElement>("/api/ledger/export");

        var verify = await client.GetFromJsonAsync<JsonElement>("/api/ledger/verify");

        var exported = export.GetProperty("entries").GetArrayLength();
        Assert.True(verify.GetProperty("isValid").GetBoolean(), verify.ToString());
        Assert.True(verify.GetProperty("sealedThrough").GetInt64() >= exported, verify.ToString());
    }
}
