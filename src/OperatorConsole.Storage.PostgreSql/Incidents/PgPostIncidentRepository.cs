using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Incidents;

/// <summary>One row per incident, keyed by the incident id; the open follow-up count is a column for the cross-incident list.</summary>
internal sealed class PgPostIncidentRepository(PgContext db) : IPostIncidentRepository
{
    private readonly PgDocuments _records = new(db, "post_incident_records");

    public PostIncidentRecord? Get(string incidentId) => _records.Get<PostIncidentRecord>(incidentId);

    public IReadOnlyList<PostIncidentRecord> WithOpenFollowUps() => _records.Where<PostIncidentRecord>("open_follow_ups > 0");

    public void Upsert(PostIncidentRecord record) =>
        _records.Upsert(record.IncidentId, record, ("open_follow_ups", record.FollowUps.Count(f => !f.Done)));
}
