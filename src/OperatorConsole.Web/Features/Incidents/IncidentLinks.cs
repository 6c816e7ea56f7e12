namespace OperatorConsole.Web.Features.Incidents;

/// <summary>The addresses of an incident's pages, relative to the base address, as every page links to them.</summary>
public static class IncidentLinks
{
    /// <summary>The page as first served to everyone: the watch page (<see cref="WatchOnlyPage"/>).</summary>
    public static string Watch(string incidentId) => $"incidents/{Uri.EscapeDataString(incidentId)}";

    /// <summary>The page with its controls (<see cref="WatchOnlyPage.ActMode"/>).</summary>
    public static string Act(string incidentId) => $"{Watch(incidentId)}?{WatchOnlyPage.ModeQuery}={WatchOnlyPage.ActMode}";

    public static string PostIncident(string incidentId) => $"{Watch(incidentId)}/post-incident";
}
