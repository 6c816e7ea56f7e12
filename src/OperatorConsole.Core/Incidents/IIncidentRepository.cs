namespace OperatorConsole.Core.Incidents;

public interface IIncidentRepository
{
    Incident? Get(string id);

    /// <summary>Whether the incident exists, without reading its record (every timeline entry asks).</summary>
    bool Exists(string id);

    /// <summary>Open incidents first, then newest first.</summary>
    IReadOnlyList<Incident> All();

    int Count();

    /// <summary>The open incidents alone, newest first, found by their indexed status so closed history is never read.</summary>
    IReadOnlyList<Incident> Open();

    void Upsert(Incident incident);

    /// <summary>The whole timeline, oldest first (same-instant entries in the order they were appended).</summary>
    IReadOnlyList<TimelineEntry> Timeline(string incidentId);

    /// <summary>
    /// Up to <paramref name="take"/> entries older than <paramref name="before"/> (the newest when null), newest first,
    /// optionally only one kind: a seek on the timeline's order, never a skip over the entries above.
    /// </summary>
    IReadOnlyList<TimelineEntry> TimelineBefore(string incidentId, string? kind, TimelineCursor? before, int take);

    /// <summary>Up to <paramref name="take"/> entries newer than <paramref name="after"/>, oldest first, optionally only one kind.</summary>
    IReadOnlyList<TimelineEntry> TimelineAfter(string incidentId, string? kind, TimelineCursor after, int take);

    /// <summary>The entries of the given kinds alone, oldest first, read by kind so entries of other kinds are never loaded.</summary>
    IReadOnlyList<TimelineEntry> TimelineOfKinds(string incidentId, IReadOnlyCollection<string> kinds);

    /// <summary>How many entries the incident's timeline has (of one kind, when given); kept on write, not counted per read.</summary>
    int TimelineCount(string incidentId, string? kind);

    /// <summary>The incident's pinned entries, newest first.</summary>
    IReadOnlyList<TimelineEntry> PinnedTimeline(string incidentId);

    TimelineEntry? TimelineEntry(string entryId);

    void Upsert(TimelineEntry entry);

    /// <summary>Stores a new entry, with no look for an older one: its id must be unused (an existing one is an error).</summary>
    void Add(TimelineEntry entry);

    IReadOnlyList<EvidenceRecord> Evidence(string incidentId);

    void Add(EvidenceRecord record);
}
