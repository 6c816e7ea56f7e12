using System.Net.Http.Json;
using System.Text;
using OperatorConsole.Core.Runs;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>The few API calls several host tests need as set-up.</summary>
public static class ApiRequests
{
    public const string SelfCheckSlug = "operatorconsole-self-check";
    public const string ProblemJson = "application/problem+json";

    public static Task<HttpResponseMessage> StartRunAsync(HttpClient client, string runbook = SelfCheckSlug) =>
        client.PostAsJsonAsync("/api/runs", new { runbook });

    public static async Task<RunbookRun> StartRunOkAsync(HttpClient client, string runbook = SelfCheckSlug)
    {
        using var response = await StartRunAsync(client, runbook);
        response.EnsureSuccessStatusCode();
        return await ConsoleHost.ReadAsync<RunbookRun>(response);
    }

    public static Task<HttpResponseMessage> CheckStepAsync(HttpClient client, string runId, string stepId, string? note = null) =>
        client.PostAsJsonAsync($"/api/runs/{runId}/steps/{stepId}/check", new { note, output = (string?)null });

    /// <summary>Opens a non-public destination (e.g. a test receiver on 127.0.0.1) through the Admin API; already open is fine.</summary>
    public static async Task AllowOutboundAsync(HttpClient admin, string target)
    {
        using var response = await admin.PostAsJsonAsync("/api/outbound", new { target, note = "test receiver" });
        if (response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string fileName, string markdown) =>
        ImportAsync(client, fileName, Encoding.UTF8.GetBytes(markdown));

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string fileName, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("text/markdown");
        return client.PostAsync($"/api/runbooks?fileName={Uri.EscapeDataString(fileName)}", content);
    }
}
