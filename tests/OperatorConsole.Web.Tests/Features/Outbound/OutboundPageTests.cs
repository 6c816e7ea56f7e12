using OperatorConsole.Core.Outbound;
using OperatorConsole.Core.Users;
using OperatorConsole.Testing;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Outbound;

public sealed class OutboundPageTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task GetOutboundPage_Admin_ListsTheAllowedDestinations()
    {
        var admin = host.Service<UserService>().Find("admin")!.ToActor();
        await host.Service<OutboundService>().AllowAsync(admin, "grafana.internal", "dashboards");
        using var browser = await HostClients.SignedInClientAsync(host, "admin", ConsoleHost.AdminPassword, followRedirects: true);

        var page = await HostClients.ParseAsync(await browser.GetStringAsync("/admin/outbound"));

        var rules = page.QuerySelector("[data-testid=outbound-rules]")?.TextContent;
        Assert.Contains("grafana.internal", rules, StringComparison.Ordinal);
        Assert.Contains("dashboards", rules, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOutboundPage_OnCall_AccessDeniedNoRules()
    {
        using var browser = await HostClients.SignedInClientAsync(host, "oncall", "demo-oncall", followRedirects: true);

        var page = await HostClients.ParseAsync(await browser.GetStringAsync("/admin/outbound"));

        Assert.NotNull(page.QuerySelector("[data-testid=access-denied]"));
        Assert.Null(page.QuerySelector("[data-testid=outbound-target]"));
    }
}
