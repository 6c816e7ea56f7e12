using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;
using OperatorConsole.Web.Auth;
using OperatorConsole.Web.Tests.Shared;
using static OperatorConsole.Web.Tests.Shared.ApiAnswers;

namespace OperatorConsole.Web.Tests.Api;

/// <summary>Owner, hand-over, responders, the SEV-1 close override and the list view, over the real host as the demo people.</summary>
public sealed class IncidentRolesApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Acknowledge_SignedInOnCall_BecomesOwnerAndFindsItAsMine()
    {
        using var omar = await PersonAsync("oncall", "demo-oncall");
        var id = await OpenAsync(omar, "Acknowledger owns it", IncidentSeverity.Sev2);

        await OkAsync<Incident>(await Post(omar, $"/api/incidents/{id}/status", new { to = IncidentStatus.Acknowledged }));

        var stored = await OkAsync<Incident>(await omar.GetAsync($"/api/incidents/{id}"));
        Assert.Equal(("oncall", "Omar On-call"), (stored.OwnerId, stored.Owner));
        var mine = await OkAsync<IncidentPage>(await omar.GetAsync("/api/incidents/find?mine=true&q=acknowledger+owns"));
        Assert.Equal(id, Assert.Single(mine.Items).Id);
    }

    [Fact]
    public async Task HandOverThenJoinAndLeave_OwnerThenNewOwner_EachShownOnTheIncident()
    {
        using var omar = await PersonAsync("oncall", "demo-oncall");
        using var olga = await PersonAsync("oncall2", "demo-oncall2");
        var id = await OpenAsync(omar, "Hand over at shift change", IncidentSeverity.Sev2);
        await OkAsync<Incident>(await Post(omar, $"/api/incidents/{id}/status", new { to = IncidentStatus.Acknowledged }));

        var handed = await OkAsync<Incident>(await Post(omar, $"/api/incidents/{id}/owner", new { userId = "oncall2", note = "shift change" }));
        var joined = await OkAsync<Incident>(await olga.PostAsync($"/api/incidents/{id}/responders", null));
        var left = await OkAsync<Incident>(await olga.DeleteAsync($"/api/incidents/{id}/responders/me"));

        Assert.Equal("oncall2", handed.OwnerId);
        Assert.Equal("oncall2", Assert.Single(joined.Responders).Id);
        Assert.Empty(left.Responders);
        var timeline = host.Service<IncidentService>().Timeline(id).Select(e => e.Text).ToList();
        Assert.Contains("Handed over from Omar On-call to Olga On-call", timeline);
        Assert.Contains("Olga On-call is working on this", timeline);
    }

    [Fact]
    public async Task HandOver_OnCallWhoIsNotTheOwner_Returns403WithTheSentenceAndOwnerUnchanged()
    {
        using var omar = await PersonAsync("oncall", "demo-oncall");
        using var olga = await PersonAsync("oncall2", "demo-oncall2");
        var id = await OpenAsync(omar, "Not yours to hand over", IncidentSeverity.Sev3);
        await OkAsync<Incident>(await Post(omar, $"/api/incidents/{id}/status", new { to = IncidentStatus.Acknowledged }));

        using var response = await Post(olga, $"/api/incidents/{id}/owner", new { userId = "oncall2" });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("Only the incident's owner or an incident owner can hand an incident over.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("oncall", host.Service<IncidentService>().Get(id)!.OwnerId);
    }

    [Fact]
    public async Task HandOver_ToAViewer_Returns400NamingUserId()
    {
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);
        var id = await OpenAsync(owner, "Viewer cannot own", IncidentSeverity.Sev3);

        using var response = await Post(owner, $"/api/incidents/{id}/owner", new { userId = "viewer" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["userId"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Null(host.Service<IncidentService>().Get(id)!.OwnerId);
    }

    [Fact]
    public async Task CloseSev1_ObligationOpen_Returns428ThenOverrideClosesAndIsLedgered()
    {
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);
        var id = await OpenAsync(owner, "SEV-1 closed over an open response", IncidentSeverity.Sev1);
        await OkAsync<Incident>(await Post(owner, $"/api/incidents/{id}/status", new { to = IncidentStatus.Resolved }));
        await OkAsync<EvidenceRecord>(await Post(owner, $"/api/incidents/{id}/evidence", CompleteDraft()));
        await OkAsync<Incident>(await owner.PostAsync($"/api/incidents/{id}/closure-confirmation", null));

        using var refused = await Post(owner, $"/api/incidents/{id}/status", new { to = IncidentStatus.Closed });
        var problem = await ProblemAsync(refused, HttpStatusCode.PreconditionRequired);
        var closed = await OkAsync<Incident>(await Post(owner, $"/api/incidents/{id}/status",
            new { to = IncidentStatus.Closed, obligationOverride = "freeze was already in force" }));

        Assert.Contains("“Preserve evidence”", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Closed, closed.Status);
        var overrideEntry = Assert.Single(host.Service<AuditService>().All(), e => e.Subject == $"incident:{id}" && e.Action == IncidentObligations.CloseOverrideAction);
        Assert.Equal(LedgerOutcome.Allowed, overrideEntry.Outcome);
    }

    [Fact]
    public async Task Find_UnknownStatus_Returns400NamingStatus()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/incidents/find?status=Sleeping");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["status"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    private async Task<HttpClient> PersonAsync(string user, string password)
    {
        var client = await HostClients.SignedInClientAsync(host, user, password);
        client.DefaultRequestHeaders.Add(CrossSiteRequestGuard.Header, "1");
        return client;
    }

    private static EvidenceDraft CompleteDraft() => new()
    {
        Timestamp = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero),
        Scope = "porto",
        TriggerSource = "alert: bad pack",
        FailureMode = "Wrong pack active",
        ContainmentAction = "Bad-pack kill switch",
        VerificationResult = "Last known good served",
        OperatorOrOwner = "Ines Incident-owner",
        FollowUp = "Canary readback",
    };

    private static Task<HttpResponseMessage> Post<T>(HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, ConsoleHost.ApiJson);

    private static async Task<string> OpenAsync(HttpClient client, string title, IncidentSeverity severity)
    {
        using var response = await Post(client, "/api/incidents",
            new { title, @class = IncidentClass.BadPublish, severity, scopes = new[] { "test-scope-" + Guid.NewGuid().ToString("N")[..6] }, triggerSource = "alert" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ConsoleHost.ReadAsync<Incident>(response)).Id;
    }
}
