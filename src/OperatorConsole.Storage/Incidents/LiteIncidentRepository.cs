using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Incidents;

internal sealed partial class LiteIncidentRepository(ILiteDatabase db, bool writable) : IIncidentRepository
{
    private readonly ILiteCollection<BsonDocument> _incidents = db.GetCollection(LiteSchema.Incidents);
    private readonly ILiteCollection<BsonDocument> _evidence = db.GetCollection(LiteSchema.Evidence);

    public Incident? Get(string id)
    {
        var doc = _incidents.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<Incident>(doc);
    }

    public bool Exists(string id) => _incidents.FindById(id) is not null;

    public IReadOnlyList<Incident> All() =>
        [.. _incidents.FindAll().Select(JsonDocuments.Unwrap<Incident>).OrderBy(i => i.IsOpen ? 0 : 1).ThenByDescending(i => i.OpenedAt)];

    public int Count() => _incidents.Count();

    public IReadOnlyList<Incident> Open() =>
        [.. _incidents.Find(Query.And(Query.Not("status", nameof(IncidentStatus.Resolved)), Query.Not("status", nameof(IncidentStatus.Closed))))
            .Select(JsonDocuments.Unwrap<Incident>).OrderByDescending(i => i.OpenedAt)];

    public void Upsert(Incident incident)
    {
        LiteSession.EnsureWritable(writable);
        _incidents.Upsert(JsonDocuments.Wrap(incident.Id, incident, ("status", incident.Status.ToString())));
    }

    public IReadOnlyList<EvidenceRecord> Evidence(string incidentId) =>
        [.. _evidence.Find(Query.EQ("incidentId", incidentId)).Select(JsonDocuments.Unwrap<EvidenceRecord>).OrderBy(e => e.RecordedAt)];

    public void Add(EvidenceRecord record)
    {
        LiteSession.EnsureWritable(writable);
        _evidence.Insert(JsonDocuments.Wrap(record.Id, record, ("incidentId", record.IncidentId)));
    }
}
