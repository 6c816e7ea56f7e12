using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Features.LaunchDay;

/// <summary>/api/launches end to end on the real host: the whole sequence, the live completion, and the archived bundle.</summary>
public sealed class LaunchApiTests(LaunchDayFlow flow) : IClassFixture<LaunchDayFlow>
{
    [Fact]
    public async Task Sequence_RunOverTheApi_LaunchCompleteWithEveryStepPassedAndThreeSignOffs()
    {
        var view = await ConsoleHost.ReadAsync<LaunchView>(await flow.Viewer.GetAsync($"/api/launches/{flow.LaunchId}"));

        Assert.True(view.Complete);
        Assert.False(view.Gate.NoGo);
        Assert.All(view.Launch.Steps, s => Assert.Equal(LaunchStepState.Passed, s.State));
        Assert.Equal(["oncall", "oncall2", "owner"], view.Launch.SignOffs.Select(s => s.UserId));
        Assert.False(view.Archive.Allowed);
    }

    [Fact]
    public async Task Completion_HubSubscriberOnLaunches_ReceivesTheCompletedEvent()
    {
        var completed = await flow.Completed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((Core.Live.Topics.Launches, flow.LaunchId), (completed.Topic, completed.Subject));
        Assert.Contains(flow.Seen, e => e.Kind == LaunchActions.SignOff && e.Subject == flow.LaunchId);
    }

    [Fact]
    public async Task ArchivedBundle_PostedToVerify_IssuedHereValid()
    {
        var verdict = await VerifyAsync(flow.BundleJson);

        Assert.Equal("issued-here-valid", verdict.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task ArchivedBundle_SignOffStatementEdited_ReportedTampered()
    {
        var edited = flow.BundleJson.Replace("Qa: go for", "Qa: no-go for", StringComparison.Ordinal);
        Assert.NotEqual(flow.BundleJson, edited);

        var verdict = await VerifyAsync(edited);

        Assert.False(verdict.GetProperty("valid").GetBoolean());
        Assert.Contains("sign_offs", verdict.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_GetAfterArchive_TheSameBytesAsArchived()
    {
        using var again = await flow.Viewer.GetAsync($"/api/launches/{flow.LaunchId}/bundle");

        Assert.Equal(flow.BundleJson, await again.Content.ReadAsStringAsync());
        Assert.Equal(flow.Archived.Headers.GetValues("X-Integrity-Hash"), again.Headers.GetValues("X-Integrity-Hash"));
    }

    [Fact]
    public async Task ConfigSnapshot_Stored_TheAuthKeyValueIsInNoAnswerAndNoFileOfTheConsole()
    {
        var body = await flow.Viewer.GetStringAsync($"/api/launches/{flow.LaunchId}");
        var secret = Encoding.UTF8.GetBytes(LaunchDayFlow.Secret);

        Assert.DoesNotContain(LaunchDayFlow.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(LaunchDayFlow.Secret, flow.BundleJson, StringComparison.Ordinal);
        // Every file: the data file, LiteDB's log, backups, the checkpoint log and the console's own logs (not the lock).
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(flow.Host.DataFile)!, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            Assert.True((await ReadSharedAsync(file)).AsSpan().IndexOf(secret) < 0, $"{file} holds the auth key's value");
        }
    }

    [Fact]
    public async Task SignOff_CompletedLaunch_ConflictAsProblemJson()
    {
        using var person = await flow.SignedInAsync("oncall", "demo-oncall");

        using var response = await person.PostAsJsonAsync($"/api/launches/{flow.LaunchId}/sign-offs", new { area = "Product", statement = "Again." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonElement> VerifyAsync(string bundle)
    {
        using var response = await flow.Viewer.PostAsync("/api/evidence/verify", new StringContent(bundle, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    // The host holds the file open; read it the way a backup tool would, sharing it.
    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
