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
    public static bool Applies(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type == typeof(IncidentDetail)
        && http.User.Identity?.IsAuthenticated == true
        && IncidentPageActions.OnlyWatches(http.RequestServices.GetRequiredService<Core.Common.Permissions>(), http.User.ToActor());
}
