using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Api;

public sealed class LedgerInvestigationApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task GetInvestigate_ViewerDeniedMeanwhile_ListsTheDenialAndCountsIt()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        var keyActor = (await viewer.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString()!;
        using var _ = await ApiRequests.StartRunAsync(viewer);

        var result = await viewer.GetFromJsonAsync<JsonElement>("/api/ledger/investigate");

        Assert.True(result.GetProperty("entryCount").GetInt32() > 0);
        var denial = Assert.Single(result.GetProperty("deniedAndFailed").EnumerateArray(), p => p.GetProperty("actor").GetString() == keyActor);
        Assert.Equal("run.start", denial.GetProperty("action").GetString());
        Assert.Equal("denied", denial.GetProperty("outcome").GetString());
        var outcomes = result.GetProperty("byOutcome").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Contains("denied", outcomes);
    }

    [Fact]
    public async Task GetInvestigate_FromAfterTo_Returns400Problem()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/ledger/investigate?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z");

        await AssertProblem400Async(response, "is after");
    }

    [Fact]
    public async Task GetInvestigate_RangeOverThirtyOneDays_Returns400Problem()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/ledger/investigate?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z");

        await AssertProblem400Async(response, "at most 31 days");
    }

    [Fact]
    public async Task GetInvestigate_UnparsableFrom_Returns400ProblemNamingIt()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/ledger/investigate?from=yesterday");

        await AssertProblem400Async(response, "'from' is not a time");
    }

    [Fact]
    public async Task GetHealthCheck_FreshSeededConsole_AllPassedWithThreeChecks()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var report = await viewer.GetFromJsonAsync<JsonElement>("/api/health-check");

        Assert.True(report.GetProperty("ledgerIntegrity").GetProperty("passed").GetBoolean());
        Assert.True(report.GetProperty("decisionDistribution").GetProperty("passed").GetBoolean());
        Assert.True(report.GetProperty("recentActivity").GetProperty("passed").GetBoolean());
        Assert.True(report.GetProperty("allPassed").GetBoolean());
        Assert.Equal(TimeSpan.Zero, report.GetProperty("checkedAt").GetDateTimeOffset().Offset);
    }

    [Fact]
    public async Task GetHealthCheck_Anonymous_IsRefused()
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await anonymous.GetAsync("/api/health-check");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task AssertProblem400Async(HttpResponseMessage response, string detailContains)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiRequests.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
