using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Features.Home;

public sealed class OverviewApiTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task GetOverview_DemoConsole_PortoActivePublishIsBadAndBaselineIsNot()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        using var response = await viewer.GetAsync("/api/overview");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var bad = body.RootElement.GetProperty("scopes").EnumerateArray()
            .ToDictionary(s => s.GetProperty("scopeId").GetString()!, s => s.GetProperty("activeIsBad").GetBoolean());
        Assert.True(response.IsSuccessStatusCode);
        Assert.True(bad["porto"]);
        Assert.False(bad["baseline"]);
    }
}
