using Microsoft.AspNetCore.Components.Endpoints;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Incidents;

/// <summary>
/// Whether this request's page is an incident's watch page (see <see cref="IncidentPageActions"/>): it is then static
/// server-rendered, without a circuit, and kept live by js/incident-watch.js over the console hub. The interactive
/// <see cref="IncidentDetail"/> asks the same question, so the two always agree. The page with its controls is asked for
/// by the address <see cref="IncidentLinks.Act"/> gives.
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

    /// <summary>The query parameter, and its value, that ask for the page with its controls.</summary>
    public const string ModeQuery = "mode";
    public const string ActMode = "act";

    public static bool AsksToAct(string? mode) => string.Equals(mode, ActMode, StringComparison.Ordinal);

    public static bool Applies(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == typeof(IncidentDetail)
        && http.User.Identity?.IsAuthenticated == true
        && IncidentPageActions.Watches(http.RequestServices.GetRequiredService<Core.Common.Permissions>(), http.User.ToActor(),
            AsksToAct(http.Request.Query[ModeQuery]));
}
