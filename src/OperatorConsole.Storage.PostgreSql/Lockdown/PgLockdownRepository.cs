using OperatorConsole.Core.Lockdown;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Lockdown;

/// <summary>Lockdowns with an "active" column, their sealed snapshots, and the settings in one meta row.</summary>
internal sealed class PgLockdownRepository(PgContext db) : ILockdownRepository
{
    private readonly PgDocuments _lockdowns = new(db, "lockdowns");
    private readonly PgDocuments _snapshots = new(db, "lockdown_snapshots");
    private readonly PgMeta<LockdownSettings> _settings = new(db, "lockdown-settings", LockdownSettings.None);

    public LockdownRecord? Active() => _lockdowns.Ordered<LockdownRecord>("active", "ORDER BY id LIMIT 1").FirstOrDefault();

    public LockdownRecord? Get(string id) => _lockdowns.Get<LockdownRecord>(id);

    public IReadOnlyList<LockdownRecord> All() => [.. _lockdowns.All<LockdownRecord>().OrderByDescending(r => r.EngagedAt)];

    public void Upsert(LockdownRecord record) => _lockdowns.Upsert(record.Id, record, ("active", record.Active));

    public LockdownSnapshot? GetSnapshot(string id) => _snapshots.Get<LockdownSnapshot>(id);

    public void Add(LockdownSnapshot snapshot) => _snapshots.Insert(snapshot.Id, snapshot);

    public LockdownSettings Settings() => _settings.Get();

    public void Save(LockdownSettings settings) => _settings.Save(settings);
}
