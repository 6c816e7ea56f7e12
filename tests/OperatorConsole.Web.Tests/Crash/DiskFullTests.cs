using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;
using Xunit.Abstractions;

namespace OperatorConsole.Web.Tests.Crash;

/// <summary>
/// The console as a child process with its data file on a small tmpfs that the test fills: writes answer 503, reads
/// and health keep answering (Degraded, even after a change that wrote nothing), and writes resume once space is freed. Needs root to mount; otherwise it says so and
/// stops, and FailedCommitTests (a failing stream) carry the proof.
/// </summary>
public sealed class DiskFullTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _logs = Directory.CreateTempSubdirectory("operator-console-disk-full-logs-").FullName;

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    [Fact]
    public async Task OpenIncident_DiskFull_Answers503ThenResumesWhenSpaceIsFreed()
    {
        using var disk = SmallDisk.TryMount(megabytes: 8);
        if (disk is null)
        {
            output.WriteLine("Not run: mounting a tmpfs needs root here.");
            return;
        }

        var dataFile = Path.Combine(disk.Folder, "console.db");
        var key = await OfflineConsole.CreateApiKeyAsync(dataFile, Role.OnCall);
        using var child = await ChildConsole.StartAsync(dataFile, _logs);
        using var client = new HttpClient { BaseAddress = child.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var before = await IncidentWrites.OpenAsync(client, "before");
        var incident = await before.Content.ReadFromJsonAsync<Incident>(ConsoleHost.ApiJson);

        disk.Fill();
        using var refused = await IncidentWrites.OpenAsync(client, "while full");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        // A change Core refuses writes nothing and syncs even on a full disk. The notification worker's change for the
        // "before" incident (no webhook: nothing queued) is another such change, and a loaded machine can delay it to here.
        using var refusedByCore = await client.PostAsync($"/api/incidents/{incident!.Id}/responders", content: null);
        var listed = await client.GetFromJsonAsync<List<Incident>>("/api/incidents", ConsoleHost.ApiJson);
        var healthWhileFull = await client.GetStringAsync("/health/ready");

        disk.Free();
        using var resumed = await IncidentWrites.OpenAsync(client, "after");

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refusedByCore.StatusCode);
        Assert.Contains("No space left on device", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(["before"], listed!.Select(i => i.Title));
        Assert.Equal("Degraded", healthWhileFull);
        Assert.Equal(HttpStatusCode.Created, resumed.StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }
}
