using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Features.HealthChecks;

public sealed class HealthCheckApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private static object Definition(string name, string url = "/demo/checks/model-metrics", int intervalSeconds = 60) => new
    {
        name, method = "GET", url, expectedStatus = 200, jsonPath = "$.survival_rate", @operator = ">", threshold = 0.9,
        intervalSeconds, timeoutMs = 2000, owner = "ai-operators", severity = "SEV-2", failuresToAlert = 2, enabled = true,
    };

    [Fact]
    public async Task List_DemoConsole_ShowsTheLedgerCheckAndTheFourDemoChecks()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var checks = await ConsoleHost.ReadAsync<List<CheckView>>(await viewer.GetAsync("/api/health-checks"));

        Assert.Contains(checks, c => c.Check.Url == "/health/ledger" && !c.Check.Demo);
        Assert.Equal(4, checks.Count(c => c.Check.Demo && c.Check.Name.StartsWith("DEMO", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Create_AsAdmin_CreatedAndReadable()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);

        using var created = await admin.PostAsJsonAsync("/api/health-checks", Definition("Created by API"));
        var view = await ConsoleHost.ReadAsync<CheckView>(await admin.GetAsync(created.Headers.Location));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("created-by-api", "$.survival_rate", ">", 0.9), (view.Check.Id, view.Check.JsonPath, view.Check.Operator, view.Check.Threshold));
    }

    [Fact]
    public async Task Create_InvalidFields_400NamingEachFieldAndStoresNothing()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);
        var bad = new { name = "Bad one", method = "DELETE", url = "ftp://example.org/x", intervalSeconds = 5, timeoutMs = 50, owner = "", @operator = "~", jsonPath = "survival", threshold = 1 };

        using var response = await admin.PostAsJsonAsync("/api/health-checks", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(["method", "url", "intervalSeconds", "timeoutMs", "owner", "operator", "jsonPath"], f => Assert.True(errors.TryGetProperty(f, out _), f));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/health-checks/bad-one")).StatusCode);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.OnCall)]
    public async Task Create_NotAdmin_403AndStoresNothing(Role role)
    {
        using var client = await host.ApiClientAsync(role);

        using var response = await client.PostAsJsonAsync("/api/health-checks", Definition($"By {role}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/health-checks/by-{role.ToString().ToLowerInvariant()}")).StatusCode);
    }

    [Fact]
    public async Task EditThenDelete_AsAdmin_ChangesThenRemovesTheCheck()
    {
        using var admin = await host.ApiClientAsync(Role.Admin);
        (await admin.PostAsJsonAsync("/api/health-checks", Definition("Edit me"))).EnsureSuccessStatusCode();

        using var edited = await admin.PutAsJsonAsync("/api/health-checks/edit-me", Definition("Edit me", intervalSeconds: 120));
        var view = await ConsoleHost.ReadAsync<CheckView>(await admin.GetAsync("/api/health-checks/edit-me"));
        using var deleted = await admin.DeleteAsync("/api/health-checks/edit-me");

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(120, view.Check.IntervalSeconds);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/health-checks/edit-me")).StatusCode);
    }

    [Fact]
    public async Task RunNow_ViewerOnUnknownCheck_403BeforeNotFound()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.PostAsync("/api/health-checks/no-such-check/run", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DemoFailure_OnCallTurnsItOn_DemoCheckFailsOnItsThreshold()
    {
        using var oncall = await host.ApiClientAsync(Role.OnCall);
        using var admin = await host.ApiClientAsync(Role.Admin);
        (await admin.PostAsJsonAsync("/api/health-checks", Definition("Demo threshold probe"))).EnsureSuccessStatusCode();
        var healthy = await ConsoleHost.ReadAsync<CheckResult>(await oncall.PostAsync("/api/health-checks/demo-threshold-probe/run", null));

        using var failing = await oncall.PutAsJsonAsync("/api/health-checks/demo-failure", new { failing = true });
        var failed = await ConsoleHost.ReadAsync<CheckResult>(await oncall.PostAsync("/api/health-checks/demo-threshold-probe/run", null));
        (await oncall.PutAsJsonAsync("/api/health-checks/demo-failure", new { failing = false })).EnsureSuccessStatusCode();

        Assert.True(healthy.Passed, healthy.Reason);
        Assert.Equal(HttpStatusCode.OK, failing.StatusCode);
        Assert.False(failed.Passed);
        Assert.Contains("$.survival_rate = 0.82 (fails > 0.9)", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoFailure_Viewer_403()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.PutAsJsonAsync("/api/health-checks/demo-failure", new { failing = true });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
