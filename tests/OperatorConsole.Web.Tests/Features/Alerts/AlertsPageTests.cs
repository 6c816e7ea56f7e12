using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.Alerts;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Alerts;

public sealed class AlertsPageTests : BunitTestContext
{
    private Task ReceiveAsync(string alertName)
    {
        var labels = new Dictionary<string, string> { ["alertname"] = alertName };
        return Services.GetRequiredService<IAlertIntake>().ReceiveAsync(Omar, "webhook",
            [new IncomingAlert(IncomingAlert.Firing, labels, new Dictionary<string, string>(), DateTimeOffset.UtcNow, null, null, IncomingAlerts.Fingerprint(labels))]);
    }

    private IRenderedComponent<AlertsPage> RenderInbox()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("alerts/unrouted");
        return Render<AlertsPage>();
    }

    [Fact]
    public async Task UnroutedInbox_AlertArrivesWhileOpen_ShownLive()
    {
        var cut = RenderInbox();

        await ReceiveAsync("NobodyRoutesThis");

        cut.WaitForAssertion(() => Assert.Equal("NobodyRoutesThis", cut.Find("[data-testid=alert-name]").TextContent), LiveTimeout);
    }

    [Fact]
    public async Task UnroutedInbox_OnCallOpensIncident_AlertBelongsToIt()
    {
        await ReceiveAsync("NobodyRoutesThis");
        var cut = RenderInbox();

        await cut.Find("[data-testid=alert-open-incident]").ClickAsync(new());

        var incident = Assert.Single(Services.GetRequiredService<IncidentService>().List());
        Assert.Equal(incident.Id, Assert.Single(Services.GetRequiredService<AlertService>().Recent()).IncidentId);
    }
}
