using Microsoft.AspNetCore.Components.Endpoints;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Incidents;

/// <summary>
/// Whether this request's page is an incident page for someone who only watches it (see <see cref="IncidentPageActions"/>): it
/// is then static server-rendered, without a circuit, and kept live by js/incident-watch.js over the console hub. The
/// interactive <see cref="IncidentDetail"/> asks the same question, so the two always agree.
/// </summary>
public static class WatchOnlyPage
{
    /// <summary>
    /// What the watch script listens to: the incident, the list (for its SEV-1 banners and this incident's list-level
    /// changes) and lockdown (its banner), each of which the interactive shell and page follow live.
    /// </summary>
    public static string Topics(string incidentId) => string.Join(' ', Core.Live.Topics.Incident(incidentId), Core.Live.Topics.Incidents, Core.Live.Topics.Lockdown);

    /// <summary>The list's event kinds that may bring a new SEV-1 banner (<see cref="IncidentEvents.MayOpenSev1"/>).</summary>
    public static string Sev1Kinds { get; } = string.Join(' ', IncidentEvents.MayOpenSev1);

    public static bool Applies(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == typeof(IncidentDetail)
        && http.User.Identity?.IsAuthenticated == true
        && IncidentPageActions.OnlyWatches(http.RequestServices.GetRequiredService<Core.Common.Permissions>(), http.User.ToActor());
}
