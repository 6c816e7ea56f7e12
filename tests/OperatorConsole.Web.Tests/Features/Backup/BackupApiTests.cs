using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Backup;

public sealed class BackupApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task PostBackup_AdminKey_Returns201WithFileHashSizeAndLedgerHead()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);

        using var response = await admin.PostAsync("/api/backups", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var backup = await ConsoleHost.ReadAsync<StoreBackup>(response);
        Assert.Matches("^[0-9a-f]{64}$", backup.Sha256);
        Assert.True(backup.Bytes > 0);
        var entry = host.Service<AuditService>().All().Single(e => e.Sequence == backup.LedgerHead.Sequence);
        Assert.Equal((BackupActions.Create, $"backup:{backup.File}", backup.LedgerHead.Hash), (entry.Action, entry.Subject, entry.Hash));
    }

    [Fact]
    public async Task GetBackup_AfterPost_DownloadsBytesWithTheRecordedSha256AndListsIt()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);
        using var created = await admin.PostAsync("/api/backups", null);
        var backup = await ConsoleHost.ReadAsync<StoreBackup>(created);

        var bytes = await admin.GetByteArrayAsync($"/api/backups/{backup.File}");
        var listed = await admin.GetFromJsonAsync<List<StoreBackup>>("/api/backups", ConsoleHost.ApiJson);

        Assert.Equal(backup.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Contains(listed!, b => b.File == backup.File);
    }

    [Theory]
    [InlineData(Role.OnCall)]
    [InlineData(Role.Viewer)]
    public async Task PostBackup_NotAdmin_Returns403ProblemJson(Role role)
    {
        using var client = await host.ApiClientAsync(role);

        using var response = await client.PostAsync("/api/backups", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("../console.db")]
    [InlineData("no-such-backup.db")]
    public async Task GetBackup_UnknownOrOutsideName_Returns404(string file)
    {
        using var admin = await host.ApiClientAsync(Role.Admin);

        using var response = await admin.GetAsync($"/api/backups/{Uri.EscapeDataString(file)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
