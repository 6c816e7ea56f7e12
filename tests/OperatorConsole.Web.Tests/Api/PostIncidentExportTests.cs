using System.Net;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Api;

public sealed class PostIncidentExportTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task GetMarkdown_IncidentOwnerKey_DownloadsTheRecordAsMarkdown()
    {
        var incident = await host.Service<IncidentService>().OpenAsync(Actor.System,
            new OpenIncident("Signer | verifier mismatch", IncidentClass.PublishFailure, IncidentSeverity.Sev1, ["eu-west"], "alertmanager"));
        var draft = new PostIncidentDraft
        {
            Summary = "Publishes blocked.",
            RootCause = "Key rotated on one side only.",
            FollowUps = [new() { Text = "Rotate both keys together", Owner = "Iris", Due = DateOnly.FromDateTime(incident.OpenedAt.UtcDateTime).AddDays(7) }],
        };
        await host.Service<PostIncidentService>().SaveAsync(Actor.System, incident.Id, draft);
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);

        using var response = await owner.GetAsync($"/api/incidents/{incident.Id}/post-incident.md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var markdown = await response.Content.ReadAsStringAsync();
        Assert.StartsWith($"# Post-incident record: {incident.Id} · Signer \\| verifier mismatch", markdown, StringComparison.Ordinal);
        Assert.Contains("## Root cause\n\nKey rotated on one side only.", markdown, StringComparison.Ordinal);
        Assert.Contains("- [ ] Rotate both keys together — owner: Iris", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMarkdown_UnknownIncident_Returns404()
    {
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);

        using var response = await owner.GetAsync("/api/incidents/INC-9999/post-incident.md");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetMarkdown_NoCredentials_NotServed()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var response = await anonymous.GetAsync("/api/incidents/INC-0001/post-incident.md");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
