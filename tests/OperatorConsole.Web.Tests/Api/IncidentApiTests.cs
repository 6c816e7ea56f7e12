using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;
using static OperatorConsole.Web.Tests.Shared.ApiAnswers;

namespace OperatorConsole.Web.Tests.Api;

/// <summary>The incident lifecycle over /api/incidents with API keys, as a script or another tool would drive it.</summary>
public sealed class IncidentApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task IncidentFlow_OwnerKey_CreateTransitionNoteDecisionEvidence_AllOnTimeline()
    {
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);

        var id = await OpenAsync(owner, "Publish stuck for de-ber");
        var moved = await OkAsync<Incident>(await Post(owner, $"/api/incidents/{id}/status", new { to = IncidentStatus.Acknowledged, reason = "paged" }));
        var note = await OkAsync<TimelineEntry>(await Post(owner, $"/api/incidents/{id}/notes", new { text = "Queue depth is 4k" }));
        var decision = await OkAsync<TimelineEntry>(await Post(owner, $"/api/incidents/{id}/decisions", new { decision = "Roll back the publisher", rationale = "Last deploy matches the onset" }));
        var evidence = await OkAsync<EvidenceRecord>(await Post(owner, $"/api/incidents/{id}/evidence", CompleteDraft()));
        var timeline = await OkAsync<List<TimelineEntry>>(await owner.GetAsync($"/api/incidents/{id}/timeline"));
        var listed = await OkAsync<List<EvidenceRecord>>(await owner.GetAsync($"/api/incidents/{id}/evidence"));

        Assert.Equal(IncidentStatus.Acknowledged, moved.Status);
        Assert.Equal((TimelineKinds.Decision, "Roll back the publisher", "Last deploy matches the onset"), (decision.Kind, decision.Text, decision.Detail));
        Assert.Equal(evidence.Id, Assert.Single(listed).Id);
        Assert.Equal(
            [TimelineKinds.Status, TimelineKinds.Status, TimelineKinds.Note, TimelineKinds.Decision, TimelineKinds.Evidence],
            timeline.Select(e => e.Kind));
        Assert.Contains(timeline, e => e.Id == note.Id && e.Text == "Queue depth is 4k");
    }

    [Fact]
    public async Task MoveStatus_Backward_Returns400ProblemAndStatusUnchanged()
    {
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);
        var id = await OpenAsync(owner, "Backward move");
        (await Post(owner, $"/api/incidents/{id}/status", new { to = IncidentStatus.Contained })).EnsureSuccessStatusCode();

        using var response = await Post(owner, $"/api/incidents/{id}/status", new { to = IncidentStatus.Acknowledged });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("only move forward", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(IncidentStatus.Contained, (await OkAsync<Incident>(await owner.GetAsync($"/api/incidents/{id}"))).Status);
    }

    [Fact]
    public async Task RecordDecision_OnCallKey_Returns403AndNoDecisionOnTimeline()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var id = await OpenAsync(oncall, "On-call decides");

        using var response = await Post(oncall, $"/api/incidents/{id}/decisions", new { decision = "Roll back", rationale = "Because" });

        await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(host.Service<IncidentService>().Timeline(id), e => e.Kind == TimelineKinds.Decision);
    }

    [Fact]
    public async Task RecordEvidence_MissingFields_Returns400WithFieldErrorsAndStoresNothing()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var id = await OpenAsync(oncall, "Incomplete evidence");
        var draft = CompleteDraft();
        draft.VerificationResult = " ";
        draft.FollowUp = null;

        using var response = await Post(oncall, $"/api/incidents/{id}/evidence", draft);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["followUp", "verificationResult"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Verification result is required.", errors.GetProperty("verificationResult")[0].GetString());
        Assert.Equal("Follow-up requirement is required.", errors.GetProperty("followUp")[0].GetString());
        Assert.Equal("The request is not valid", problem.GetProperty("title").GetString());
        Assert.Contains("Verification result is required.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Service<IncidentService>().Evidence(id));
        Assert.DoesNotContain(host.Service<IncidentService>().Timeline(id), e => e.Kind == TimelineKinds.Evidence);
    }

    [Fact]
    public async Task OpenIncident_EmptyTitle_Returns400WithTitleErrorAndOpensNothing()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var before = host.Service<IncidentService>().List().Count;

        using var response = await Post(oncall, "/api/incidents",
            new { title = "  ", @class = IncidentClass.Other, severity = IncidentSeverity.Sev3, scopes = new[] { "zrh" } });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["title"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Title is required.", errors.GetProperty("title")[0].GetString());
        Assert.Equal("Title is required.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, host.Service<IncidentService>().List().Count);
    }

    [Fact]
    public async Task OpenIncident_BadTitleScopeAndTrigger_ReportsEachField()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);

        using var response = await Post(oncall, "/api/incidents", new
        {
            title = new string('t', IncidentService.MaxTitleLength + 1),
            @class = IncidentClass.Other,
            severity = IncidentSeverity.Sev3,
            scopes = new[] { "zrh\u0007" },
            triggerSource = new string('s', IncidentService.MaxTextLength + 1),
        });

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["scopes", "title", "triggerSource"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reopen_StillOpen_Returns400ProblemWithoutErrorsMember()
    {
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);
        var id = await OpenAsync(owner, "Reopen while open");

        using var response = await Post(owner, $"/api/incidents/{id}/reopen", new { reason = "flapping" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.False(problem.TryGetProperty("errors", out _));
        Assert.Contains("still open", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetSeverity_OwnerKey_ChangesSeverityWithReasonOnTimeline()
    {
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);
        var id = await OpenAsync(owner, "Severity change");

        var changed = await OkAsync<Incident>(await Post(owner, $"/api/incidents/{id}/severity", new { severity = IncidentSeverity.Sev1, reason = "All regions" }));

        Assert.Equal(IncidentSeverity.Sev1, changed.Severity);
        Assert.Contains(host.Service<IncidentService>().Timeline(id), e => e.Kind == TimelineKinds.Severity && e.Detail == "All regions");
    }

    [Fact]
    public async Task CloseThenReopen_OwnerKey_BlockersClearAsConditionsAreMetThenReopens()
    {
        using var owner = await host.ApiClientAsync(Role.IncidentOwner);
        var id = await OpenAsync(owner, "Close and reopen");
        (await Post(owner, $"/api/incidents/{id}/status", new { to = IncidentStatus.Resolved })).EnsureSuccessStatusCode();

        var blockedBy = await OkAsync<List<string>>(await owner.GetAsync($"/api/incidents/{id}/closure-blockers"));
        (await Post(owner, $"/api/incidents/{id}/evidence", CompleteDraft())).EnsureSuccessStatusCode();
        var confirmed = await OkAsync<Incident>(await owner.PostAsync($"/api/incidents/{id}/closure-confirmation", null));
        var cleared = await OkAsync<List<string>>(await owner.GetAsync($"/api/incidents/{id}/closure-blockers"));
        var closed = await OkAsync<Incident>(await Post(owner, $"/api/incidents/{id}/status", new { to = IncidentStatus.Closed }));
        var reopened = await OkAsync<Incident>(await Post(owner, $"/api/incidents/{id}/reopen", new { reason = "Flapped again" }));

        Assert.Equal(2, blockedBy.Count);
        Assert.NotNull(confirmed.ClosureConfirmedAt);
        Assert.Empty(cleared);
        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.Equal((IncidentStatus.Acknowledged, null), (reopened.Status, reopened.ClosureConfirmedAt));
    }

    [Fact]
    public async Task ClosureBlockers_UnknownIncident_Returns404Problem()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var blockers = await viewer.GetAsync("/api/incidents/INC-9999/closure-blockers");
        using var evidence = await viewer.GetAsync("/api/incidents/INC-9999/evidence");

        await ProblemAsync(blockers, HttpStatusCode.NotFound);
        await ProblemAsync(evidence, HttpStatusCode.NotFound);
    }

    private static EvidenceDraft CompleteDraft() => new()
    {
        Timestamp = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero),
        Scope = "de-ber",
        TriggerSource = "alert: publish-lag",
        FailureMode = "Publisher stuck on a lock",
        ContainmentAction = "Paused the scheduler",
        VerificationResult = "Queue drains",
        OperatorOrOwner = "Ines Incident-owner",
        FollowUp = "Lock timeout alert",
    };

    private static Task<HttpResponseMessage> Post<T>(HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, ConsoleHost.ApiJson);

    private static async Task<string> OpenAsync(HttpClient client, string title)
    {
        using var response = await Post(client, "/api/incidents",
            new { title, @class = IncidentClass.PublishFailure, severity = IncidentSeverity.Sev2, scopes = new[] { "de-ber" }, triggerSource = "alert" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ConsoleHost.ReadAsync<Incident>(response)).Id;
    }
}
