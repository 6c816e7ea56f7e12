using LiteDB;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Lockdown;

/// <summary>Lockdowns with an indexed "active" flag, their sealed snapshots, and the settings in one meta document.</summary>
internal sealed class LiteLockdownRepository(ILiteDatabase db, bool writable) : ILockdownRepository
{
    private readonly ILiteCollection<BsonDocument> _lockdowns = db.GetCollection(LiteSchema.Lockdowns);
    private readonly ILiteCollection<BsonDocument> _snapshots = db.GetCollection(LiteSchema.LockdownSnapshots);
    private readonly MetaDocument<LockdownSettings> _settings = new(db, writable, "lockdown-settings", LockdownSettings.None);

    public LockdownRecord? Active()
    {
        var doc = _lockdowns.FindOne(Query.EQ("active", true));
        return doc is null ? null : JsonDocuments.Unwrap<LockdownRecord>(doc);
    }

    public LockdownRecord? Get(string id)
    {
        var doc = _lockdowns.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<LockdownRecord>(doc);
    }

    public IReadOnlyList<LockdownRecord> All() =>
        [.. _lockdowns.FindAll().Select(JsonDocuments.Unwrap<LockdownRecord>).OrderByDescending(r => r.EngagedAt)];

    public void Upsert(LockdownRecord record)
    {
        LiteSession.EnsureWritable(writable);
        _lockdowns.Upsert(JsonDocuments.Wrap(record.Id, record, ("active", record.Active)));
    }

    public LockdownSnapshot? GetSnapshot(string id)
    {
        var doc = _snapshots.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<LockdownSnapshot>(doc);
    }

    public void Add(LockdownSnapshot snapshot)
    {
        LiteSession.EnsureWritable(writable);
        _snapshots.Insert(JsonDocuments.Wrap(snapshot.Id, snapshot));
    }

    public LockdownSettings Settings() => _settings.Get();

    public void Save(LockdownSettings settings) => _settings.Save(settings);
}
