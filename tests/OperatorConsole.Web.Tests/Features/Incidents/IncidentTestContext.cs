using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Incidents;

/// <summary>bUnit over the real services, with the incident the incident page's tests start from.</summary>
public abstract class IncidentTestContext : BunitTestContext
{
    protected IncidentService Incidents => Services.GetRequiredService<IncidentService>();

    /// <summary>Opens a SEV-2 publish failure raised by an alert, in <paramref name="scopes"/> (zrh when none); answers its id.</summary>
    protected async Task<string> OpenIncidentAsync(params string[] scopes) =>
        (await Incidents.OpenAsync(Omar, new OpenIncident("Publish blocked", IncidentClass.PublishFailure, IncidentSeverity.Sev2,
            scopes.Length > 0 ? scopes : ["zrh"], "alert: publish-blocked"))).Id;

    /// <summary>The incident page with its controls, as asked for by <see cref="IncidentLinks.Act"/>.</summary>
    protected IRenderedComponent<IncidentDetail> RenderToAct(string id)
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo(IncidentLinks.Act(id));
        return Render<IncidentDetail>(p => p.Add(c => c.Id, id));
    }
}
