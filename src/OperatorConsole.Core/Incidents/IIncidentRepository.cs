namespace OperatorConsole.Core.Incidents;

public interface IIncidentRepository
{
    Incident? Get(string id);

    /// <summary>Open incidents first, then newest first.</summary>
    IReadOnlyList<Incident> All();

    int Count();

    /// <summary>The open incidents alone, newest first, found by their indexed status so closed history is never read.</summary>
    IReadOnlyList<Incident> Open();

    void Upsert(Incident incident);

    /// <summary>The whole timeline, oldest first (same-instant entries in the order they were appended).</summary>
    IReadOnlyList<TimelineEntry> Timeline(string incidentId);

    /// <summary>One page of an incident's timeline, newest first, optionally only entries of one kind.</summary>
    IReadOnlyList<TimelineEntry> TimelinePage(string incidentId, string? kind, int skip, int take);

    /// <summary>How many entries <see cref="TimelinePage"/> pages through for the same filter.</summary>
    int TimelineCount(string incidentId, string? kind);

    /// <summary>The incident's pinned entries, newest first.</summary>
    IReadOnlyList<TimelineEntry> PinnedTimeline(string incidentId);

    TimelineEntry? TimelineEntry(string entryId);

    void Upsert(TimelineEntry entry);

    IReadOnlyList<EvidenceRecord> Evidence(string incidentId);

    void Add(EvidenceRecord record);
}
