using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Api;

public sealed class EvidenceEndpointsTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static readonly byte[] Log = Encoding.UTF8.GetBytes("{\"probe\":\"publish\",\"ok\":false}\n");

    [Fact]
    public async Task UploadMultipart_ThenDownload_ReturnsSameBytesAsAttachment()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var incidentId = await OpenIncidentAsync();

        using var upload = await UploadAsync(client, incidentId, "state.json", Log);
        var attachment = await ConsoleHost.ReadAsync<Attachment>(upload);
        using var download = await client.GetAsync($"/api/incidents/{incidentId}/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(Log, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("state.json", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task UploadRawBody_WithNameQuery_StoresUnderThatName()
    {
        using var client = await host.ApiClientAsync(Role.IncidentOwner);
        var incidentId = await OpenIncidentAsync();
        using var body = new ByteArrayContent(Log);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        using var response = await client.PostAsync($"/api/incidents/{incidentId}/attachments?name=probe.txt", body);

        var attachment = await ConsoleHost.ReadAsync<Attachment>(response);
        Assert.Equal(("probe.txt", "text/plain", (long)Log.Length), (attachment.Name, attachment.ContentType, attachment.Size));
    }

    [Fact]
    public async Task Upload_TooLarge_Returns413ProblemNamingTheLimit()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var incidentId = await OpenIncidentAsync();

        using var response = await UploadAsync(client, incidentId, "huge.bin", new byte[AttachmentRules.MaxBytes + 1]);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "the limit is 5 MB");
    }

    [Fact]
    public async Task Upload_ByViewer_Returns403()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);
        var incidentId = await OpenIncidentAsync();

        using var response = await UploadAsync(client, incidentId, "x.txt", Log);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PreserveThenVerify_UnchangedBundle_IsValid()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var incidentId = await OpenIncidentAsync();
        (await UploadAsync(client, incidentId, "state.json", Log)).Dispose();

        using var preserved = await client.PostAsync($"/api/incidents/{incidentId}/evidence-bundle", null);
        var bundle = await preserved.Content.ReadAsStringAsync();
        using var verified = await client.PostAsync("/api/evidence/verify", new StringContent(bundle, Encoding.UTF8, "application/json"));
        var result = await verified.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("attachment", preserved.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/json", preserved.Content.Headers.ContentType?.MediaType);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        Assert.Equal(0, result.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task PreserveFormPost_SignedInWithCookie_DownloadsBundleAndRecordsIt()
    {
        using var client = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall");
        var incidentId = await OpenIncidentAsync();

        // What the "Preserve evidence" button sends: the form's own fields (its antiforgery token), same origin, with the auth cookie.
        var page = await HostClients.ParseAsync(await client.GetStringAsync($"/{IncidentLinks.Act(incidentId)}"));
        var fields = page.QuerySelectorAll("[data-testid=preserve-form] input[type=hidden]").OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Select(i => KeyValuePair.Create(i.Name!, i.Value));
        using var response = await client.PostAsync($"/api/incidents/{incidentId}/evidence-bundle", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith($"evidence-{incidentId}-", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var hash = response.Headers.GetValues("X-Integrity-Hash").Single();
        Assert.Contains(host.Service<IncidentService>().Timeline(incidentId), e => e.Detail == $"Integrity hash {hash}");
    }

    [Fact]
    public async Task Verify_TamperedBundle_Returns200InvalidNamingIntegrityHash()
    {
        using var client = await host.ApiClientAsync(Role.OnCall);
        var incidentId = await OpenIncidentAsync();
        using var preserved = await client.PostAsync($"/api/incidents/{incidentId}/evidence-bundle", null);
        var tampered = (await preserved.Content.ReadAsStringAsync()).Replace("Evidence API test", "Evidence API tesT", StringComparison.Ordinal);

        using var verified = await client.PostAsync("/api/evidence/verify", new StringContent(tampered));
        var result = await verified.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.StartsWith("Integrity hash mismatch", result.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MalformedJson_Returns400Problem()
    {
        using var client = await host.ApiClientAsync(Role.Viewer);

        using var response = await client.PostAsync("/api/evidence/verify", new StringContent("{\"incident\": "));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    private async Task<string> OpenIncidentAsync()
    {
        var incident = await host.Service<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident("Evidence API test", IncidentClass.Other, IncidentSeverity.Sev2, ["zrh"], null));
        return incident.Id;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string incidentId, string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var form = new MultipartFormDataContent { { file, "file", name } };
        return client.PostAsync($"/api/incidents/{incidentId}/attachments", form);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
