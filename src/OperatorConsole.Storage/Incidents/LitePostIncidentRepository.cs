using LiteDB;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Incidents;

/// <summary>One document per incident, keyed by the incident id; "openFollowUps" is indexed for the cross-incident list.</summary>
internal sealed class LitePostIncidentRepository(ILiteDatabase db, bool writable) : IPostIncidentRepository
{
    private readonly ILiteCollection<BsonDocument> _records = db.GetCollection(LiteSchema.PostIncidentRecords);

    public PostIncidentRecord? Get(string incidentId)
    {
        var doc = _records.FindById(incidentId);
        return doc is null ? null : JsonDocuments.Unwrap<PostIncidentRecord>(doc);
    }

    public IReadOnlyList<PostIncidentRecord> WithOpenFollowUps() =>
        [.. _records.Find(Query.GT("openFollowUps", 0)).Select(JsonDocuments.Unwrap<PostIncidentRecord>)];

    public void Upsert(PostIncidentRecord record)
    {
        LiteSession.EnsureWritable(writable);
        _records.Upsert(JsonDocuments.Wrap(record.IncidentId, record, ("openFollowUps", record.FollowUps.Count(f => !f.Done))));
    }
}
