using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Api;

/// <summary>The inputs the attack found answered with 500: each is now a 4xx problem+json that names the field and changes nothing.</summary>
public sealed class ClientInputTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const Role Responder = Role.OnCall | Role.IncidentOwner;

    [Fact]
    public async Task OpenIncident_UnknownSeverity_Returns400NamingSeverityAndAllowedValues()
    {
        using var client = await host.ApiClientAsync(Responder);

        using var response = await PostJsonAsync(client, "/api/incidents", """{"title":"t","class":"Other","severity":"Sev9","scopes":["zrh"]}""");

        var errors = await FieldErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Sev1, Sev2, Sev3", errors.GetProperty("severity")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavePostIncident_NullFollowUp_Returns400AndSavesNothing()
    {
        using var client = await host.ApiClientAsync(Responder);
        var incidentId = await OpenIncidentAsync();

        using var response = await client.PutAsync($"/api/incidents/{incidentId}/post-incident", Json("""{"summary":"s","followUps":[null]}"""));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("followUps", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/incidents/{incidentId}/post-incident")).StatusCode);
    }

    [Fact]
    public async Task VerifyBundle_DuplicateKeys_Returns400()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);

        using var response = await PostJsonAsync(client, "/api/evidence/verify", """{"integrity_hash":"abc","incident":{"id":"a","id":"b"}}""");

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Command_LoneSurrogateInReason_Returns400NamingReasonAndStaysUnlocked()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);

        using var response = await PostJsonAsync(client, "/api/commands", """{"type":"EMERGENCY_LOCKDOWN","operator_id":"Op-01","reason":"halt \ud800"}""");

        var errors = await FieldErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.Null(host.Service<Core.Lockdown.LockdownService>().Active());
    }

    [Theory]
    [InlineData("multipart/form-data", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--b--\r\n")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhel")]
    public async Task UploadAttachment_MultipartWithoutBoundaryOrTruncated_Returns400NamingFile(string contentType, string body)
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var incidentId = await OpenIncidentAsync();
        var content = new StringContent(body);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync($"/api/incidents/{incidentId}/attachments", content);

        var errors = await FieldErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty("file", out _));
    }

    /// <summary>
    /// Over a raw socket: the server answers as soon as it reads the announced length, before the client could send
    /// 31 MB, so an HTTP client would only see its upload cut off.
    /// </summary>
    [Fact]
    public async Task OpenIncident_BodyOverServerLimit_Returns413Problem()
    {
        var key = await host.CreateApiKeyAsync(Responder);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = tcp.GetStream();

        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/incidents HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nX-Api-Key: {key}\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {31 * 1024 * 1024}\r\nConnection: close\r\n\r\n{{\"title\":\""));
        var answer = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains($"Content-Type: {ApiRequests.ProblemJson}", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"status\":413", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportRunbook_NestedTooDeeply_Returns400SayingSo()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);

        using var response = await ApiRequests.ImportAsync(client, "deep.md", "# Deep\n\n" + string.Concat(Enumerable.Repeat("> ", 5000)) + "x");

        Assert.Contains("nested too deeply", (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRunbooks_UnknownPriority_Returns400NamingPriority()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);

        using var response = await client.GetAsync("/api/runbooks?priority=P9");

        var errors = await FieldErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty("priority", out _));
    }

    [Theory]
    [InlineData("take=1000", "take")]
    [InlineData("take=0", "take")]
    [InlineData("skip=-5", "skip")]
    public async Task ListRunbooks_PageOutOfBounds_Returns400NamingTheField(string query, string field)
    {
        using var client = await host.ApiClientAsync(Role.Viewer);

        using var response = await client.GetAsync($"/api/runbooks?{query}");

        var errors = await FieldErrorsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(errors.TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListRunbooks_Take_ReturnsThatPageAndTheTotal()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/runbooks?skip=1&take=2");

        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt32() > 2);
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);

        using var response = await client.GetAsync("/api/no-such-thing");

        await ProblemAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<string> OpenIncidentAsync() =>
        (await host.Service<IncidentService>().OpenAsync(Actor.System, new OpenIncident("Client input test", IncidentClass.Other, IncidentSeverity.Sev2, ["zrh"], null))).Id;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) => client.PostAsync(path, Json(json));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> FieldErrorsAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await ProblemAsync(response, status)).GetProperty("errors");
}
