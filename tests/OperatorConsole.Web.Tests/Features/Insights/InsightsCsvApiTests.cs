using System.Net;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Insights;

public sealed class InsightsCsvApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task GetCsv_IncidentOpenedToday_CountedInThisWeeksSeverityColumn()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var before = await SevOneThisWeekAsync(viewer, today);
        var owner = host.Service<UserService>().Find("owner")!.ToActor();
        await host.Service<IncidentService>().OpenAsync(owner, new OpenIncident("Counted", IncidentClass.Other, IncidentSeverity.Sev1, ["porto"], "Resolver health"));

        using var response = await viewer.GetAsync($"/api/insights/csv?dataset=incidents-by-severity&from={today}&to={today}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("week,SEV-1,SEV-2,SEV-3", lines[0]);
        Assert.Equal(before + 1, int.Parse(lines[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("dataset=everything", "dataset")]
    [InlineData("dataset=drills&from=2026-13-01", "from")]
    [InlineData("dataset=drills&from=2026-11-20&to=2026-11-01", "from")]
    [InlineData("dataset=drills&to=yesterday", "to")]
    public async Task GetCsv_BadQuery_400NamingTheField(string query, string field)
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync($"/api/insights/csv?{query}");

        var problem = await ApiAnswers.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task<int> SevOneThisWeekAsync(HttpClient client, string today)
    {
        var csv = await client.GetStringAsync($"/api/insights/csv?dataset=incidents-by-severity&from={today}&to={today}");
        return int.Parse(csv.Split("\r\n")[1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
