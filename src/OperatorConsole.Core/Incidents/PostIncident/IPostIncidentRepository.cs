namespace OperatorConsole.Core.Incidents;

public interface IPostIncidentRepository
{
    PostIncidentRecord? Get(string incidentId);

    /// <summary>Records that still hold at least one follow-up not done.</summary>
    IReadOnlyList<PostIncidentRecord> WithOpenFollowUps();

    void Upsert(PostIncidentRecord record);
}
