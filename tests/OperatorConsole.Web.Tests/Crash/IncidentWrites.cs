using System.Net.Http.Json;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Testing;

namespace OperatorConsole.Web.Tests.Crash;

/// <summary>The write the child-process suites make: opening an incident, which takes the next incident number.</summary>
public static class IncidentWrites
{
    public static Task<HttpResponseMessage> OpenAsync(HttpClient client, string title) =>
        client.PostAsJsonAsync(
            "/api/incidents", new OpenIncident(title, IncidentClass.SourceOutage, IncidentSeverity.Sev2, [], null), ConsoleHost.ApiJson);
}
