namespace OperatorConsole.Core.Incidents;

public interface IIncidentRepository
{
    Incident? Get(string id);

    /// <summary>Open incidents first, then newest first.</summary>
    IReadOnlyList<Incident> All();

    int Count();

    void Upsert(Incident incident);

    IReadOnlyList<TimelineEntry> Timeline(string incidentId);

    TimelineEntry? TimelineEntry(string entryId);

    void Upsert(TimelineEntry entry);

    IReadOnlyList<EvidenceRecord> Evidence(string incidentId);

    void Add(EvidenceRecord record);
}
