using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Lockdown;

/// <summary>POST /api/commands in 001's style: EMERGENCY_LOCKDOWN, UNRELEASE_LOCKDOWN and RESET_FAILURE_STATUS with the token round trip.</summary>
public sealed class CommandsApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>, IAsyncLifetime
{
    public Task InitializeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    public Task DisposeAsync() => LockdownHostScope.ReleaseIfActiveAsync(host);

    [Fact]
    public async Task LockdownCommands_RoundTripWithFourEyes_LockThenReleaseByASecondKey()
    {
        using var first = await host.ApiClientAsync(Role.OnCall);
        using var second = await host.ApiClientAsync(Role.OnCall);

        using var locked = await Send(first, new { type = "EMERGENCY_LOCKDOWN", operator_id = "Op-01", reason = "model serving garbage" });
        using var asked = await Send(first, new { type = "UNRELEASE_LOCKDOWN", operator_id = "Op-01", reason = "model rolled back" });
        var issued = await Json(asked);
        var token = issued.GetProperty("confirmation_token").GetString();
        using var self = await Send(first, new { type = "UNRELEASE_LOCKDOWN", operator_id = "Op-01", reason = "model rolled back", confirmation_token = token });
        using var released = await Send(second, new { type = "UNRELEASE_LOCKDOWN", operator_id = "Op-02", reason = "model rolled back", confirmation_token = token });
        using var replayed = await Send(second, new { type = "UNRELEASE_LOCKDOWN", operator_id = "Op-02", reason = "model rolled back", confirmation_token = token });

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal("LOCKED_DOWN", (await Json(locked)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal("UNRELEASE_LOCKDOWN", issued.GetProperty("action").GetString());
        Assert.True(issued.GetProperty("expires_at").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("RELEASED", (await Json(released)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Null(host.Service<LockdownService>().Active());
    }

    [Fact]
    public async Task EmergencyLockdown_OperatorIdIsRecordedNextToTheAuthenticatedKey()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);

        using var locked = await Send(oncall, new { type = "EMERGENCY_LOCKDOWN", operator_id = "Op-77", reason = "panic" });

        locked.EnsureSuccessStatusCode();
        var entry = host.Service<Core.Persistence.IConsoleStore>().Read(s => s.Ledger.Head())!;
        Assert.Equal("lockdown.engage", entry.Action);
        Assert.StartsWith("apikey:", entry.Actor, StringComparison.Ordinal);
        Assert.Contains("\"operatorId\":\"Op-77\"", entry.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmergencyLockdown_TheSeedsCommandVerbatim_LocksDownWithAReasonNamingTheOperator()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);

        using var locked = await oncall.PostAsync(
            "/api/commands", new StringContent("{ \"type\": \"EMERGENCY_LOCKDOWN\", \"operator_id\": \"Op-01\" }", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal("EMERGENCY_LOCKDOWN sent by operator Op-01", host.Service<LockdownService>().Active()?.Reason);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"operator_id\":\"Op-01\"}", "needs a \\\"type\\\"")]
    [InlineData("{\"type\":\"SELF_DESTRUCT\"}", "Unknown command type 'SELF_DESTRUCT'")]
    [InlineData("{\"type\":\"EMERGENCY_LOCKDOWN\"}", "reason")]
    [InlineData("{\"type\":\"EMERGENCY_LOCKDOWN\",\"reason\":42}", "'reason' must be a string")]
    public async Task Commands_BadInput_Returns400ProblemJsonAndChangesNothing(string body, string expected)
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        var before = host.Service<Core.Persistence.IConsoleStore>().Read(s => s.Ledger.Head())!.Sequence;

        using var response = await oncall.PostAsync("/api/commands", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(host.Service<LockdownService>().Active());
        Assert.Equal(before, host.Service<Core.Persistence.IConsoleStore>().Read(s => s.Ledger.Head())!.Sequence);
    }

    [Fact]
    public async Task UnreleaseLockdown_BadToken_Returns409AndStaysLocked()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        (await Send(oncall, new { type = "EMERGENCY_LOCKDOWN", reason = "panic" })).Dispose();

        using var response = await Send(oncall, new { type = "UNRELEASE_LOCKDOWN", reason = "fine now", confirmation_token = "forged-token" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("unknown", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(host.Service<LockdownService>().Active());
    }

    [Fact]
    public async Task ResetFailureStatus_RoundTripOverTheApi_ReturnsToNormal()
    {
        using var service = await host.ApiClientAsync(Role.OnCall);
        using var reported = await service.PostAsJsonAsync("/api/failure-status", new { mode = "FAIL_CLOSED", reason = "AI lane unstable", reportId = "FR-9" });
        reported.EnsureSuccessStatusCode();

        using var asked = await Send(service, new { type = "RESET_FAILURE_STATUS", operator_id = "Op-01", reason = "lane stable for 30 min" });
        var token = (await Json(asked)).GetProperty("confirmation_token").GetString();
        using var wrongReason = await Send(service, new { type = "RESET_FAILURE_STATUS", reason = "whatever", confirmation_token = token });
        using var reset = await Send(service, new { type = "RESET_FAILURE_STATUS", operator_id = "Op-01", reason = "lane stable for 30 min", confirmation_token = token });
        using var replay = await Send(service, new { type = "RESET_FAILURE_STATUS", reason = "lane stable for 30 min", confirmation_token = token });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, wrongReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("NORMAL", (await Json(reset)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.True(host.Service<FailureStatusService>().Current().IsNormal);
    }

    [Fact]
    public async Task Commands_WithoutApiKey_Returns401()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await Send(anonymous, new { type = "EMERGENCY_LOCKDOWN", reason = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, object command) => client.PostAsJsonAsync("/api/commands", command);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
