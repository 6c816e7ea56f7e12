using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Incidents;

/// <summary>
/// Incidents (status as a column), their timeline (incident, UTC ticks, kind and pinned as columns, so a page is an
/// index range ordered by ticks then id, as the LiteDB sort keys order it) and their evidence records.
/// </summary>
internal sealed class PgIncidentRepository(PgContext db) : IIncidentRepository
{
    private const string NewestFirst = "ORDER BY at_ticks DESC, id DESC";
    private readonly PgDocuments _incidents = new(db, "incidents");
    private readonly PgDocuments _timeline = new(db, "incident_timeline");
    private readonly PgDocuments _evidence = new(db, "evidence_records");

    public Incident? Get(string id) => _incidents.Get<Incident>(id);

    public bool Exists(string id) => _incidents.Count("id = @id", ("id", id)) > 0;

    public IReadOnlyList<Incident> All() =>
        [.. _incidents.All<Incident>().OrderBy(i => i.IsOpen ? 0 : 1).ThenByDescending(i => i.OpenedAt)];

    public int Count() => _incidents.Count();

    public IReadOnlyList<Incident> Open() =>
        [.. _incidents.Where<Incident>("status NOT IN (@resolved, @closed)",
            ("resolved", nameof(IncidentStatus.Resolved)), ("closed", nameof(IncidentStatus.Closed))).OrderByDescending(i => i.OpenedAt)];

    public void Upsert(Incident incident) => _incidents.Upsert(incident.Id, incident, ("status", incident.Status.ToString()));

    public IReadOnlyList<TimelineEntry> Timeline(string incidentId) =>
        _timeline.Ordered<TimelineEntry>("incident_id = @incident", "ORDER BY at_ticks, id", ("incident", incidentId));

    public IReadOnlyList<TimelineEntry> TimelineBefore(string incidentId, string? kind, TimelineCursor? before, int take) =>
        take <= 0
            ? []
            : before is null
                ? _timeline.Ordered<TimelineEntry>(Filter(kind), NewestFirst + " LIMIT @take", ("incident", incidentId), ("kind", kind), ("take", take))
                : _timeline.Ordered<TimelineEntry>(Filter(kind) + " AND (at_ticks, id) < (@ticks, @id)", NewestFirst + " LIMIT @take",
                    ("incident", incidentId), ("kind", kind), ("ticks", before.At.UtcTicks), ("id", before.Id), ("take", take));

    public IReadOnlyList<TimelineEntry> TimelineAfter(string incidentId, string? kind, TimelineCursor after, int take) =>
        take <= 0
            ? []
            : _timeline.Ordered<TimelineEntry>(Filter(kind) + " AND (at_ticks, id) > (@ticks, @id)", "ORDER BY at_ticks, id LIMIT @take",
                ("incident", incidentId), ("kind", kind), ("ticks", after.At.UtcTicks), ("id", after.Id), ("take", take));

    public IReadOnlyList<TimelineEntry> TimelineOfKinds(string incidentId, IReadOnlyCollection<string> kinds) =>
        _timeline.Ordered<TimelineEntry>("incident_id = @incident AND kind = ANY(@kinds)", "ORDER BY at_ticks, id",
            ("incident", incidentId), ("kinds", kinds.ToArray()));

    public int TimelineCount(string incidentId, string? kind) => _timeline.Count(Filter(kind), ("incident", incidentId), ("kind", kind));

    public IReadOnlyList<TimelineEntry> PinnedTimeline(string incidentId) =>
        _timeline.Ordered<TimelineEntry>("incident_id = @incident AND pinned", NewestFirst, ("incident", incidentId));

    public TimelineEntry? TimelineEntry(string entryId) => _timeline.Get<TimelineEntry>(entryId);

    public void Upsert(TimelineEntry entry) => _timeline.Upsert(entry.Id, entry, Columns(entry));

    public void Add(TimelineEntry entry) => _timeline.Insert(entry.Id, entry, Columns(entry));

    public IReadOnlyList<EvidenceRecord> Evidence(string incidentId) =>
        [.. _evidence.Where<EvidenceRecord>("incident_id = @incident", ("incident", incidentId)).OrderBy(e => e.RecordedAt)];

    public void Add(EvidenceRecord record) => _evidence.Insert(record.Id, record, ("incident_id", record.IncidentId));

    private static string Filter(string? kind) =>
        kind is null ? "incident_id = @incident AND @kind::text IS NULL" : "incident_id = @incident AND kind = @kind";

    private static (string Column, object? Value)[] Columns(TimelineEntry entry) =>
        [("incident_id", entry.IncidentId), ("at_ticks", entry.At.UtcTicks), ("kind", entry.Kind), ("pinned", entry.Pinned)];
}
