using System.Text;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Tests.Shared;

namespace OperatorConsole.Storage.Tests.Evidence;

/// <summary>An open incident with one attachment, as most evidence tests start.</summary>
internal static class EvidenceTestData
{
    public static readonly byte[] LogExcerpt = Encoding.UTF8.GetBytes("12:00:01 publish_blocked scope=ZRH — verifier failed\n");

    public static Task<Incident> OpenIncidentAsync(TestStore store) =>
        store.Incidents.OpenAsync(TestActors.Omar,
            new OpenIncident("Publish blocked in Zürich", IncidentClass.PublishFailure, IncidentSeverity.Sev1, ["zrh"], "alert:publish"));

    public static async Task<(Incident Incident, Attachment Attachment)> WithAttachmentAsync(TestStore store)
    {
        var incident = await OpenIncidentAsync(store);
        var attachment = await store.Evidence.AttachAsync(TestActors.Omar, incident.Id, "publish.log", "text/plain", LogExcerpt);
        return (incident, attachment);
    }
}
