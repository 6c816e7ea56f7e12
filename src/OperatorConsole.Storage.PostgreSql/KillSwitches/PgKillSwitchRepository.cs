using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.KillSwitches;

/// <summary>
/// Switches keyed "key@scope" with their version as a column; evidence by switch; the version counter in one meta row,
/// read and bumped under the store's write lock, so versions are unique and gap-free across instances.
/// </summary>
internal sealed class PgKillSwitchRepository(PgContext db) : IKillSwitchRepository
{
    private readonly PgDocuments _switches = new(db, "kill_switches");
    private readonly PgDocuments _evidence = new(db, "kill_switch_evidence");
    private readonly PgMeta<long> _version = new(db, "kill-switch-version", 0);

    public KillSwitch? Get(string key, string scope) => _switches.Get<KillSwitch>(KillSwitch.IdOf(key, scope));

    public IReadOnlyList<KillSwitch> All() =>
        [.. _switches.All<KillSwitch>()
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ThenBy(s => s.Scope == KillSwitch.GlobalScope ? 0 : 1)
            .ThenBy(s => s.Scope, StringComparer.Ordinal)];

    public IReadOnlyList<KillSwitch> ChangedSince(long version) =>
        _switches.Ordered<KillSwitch>("version > @version", "ORDER BY version", ("version", version));

    public void Upsert(KillSwitch killSwitch) => _switches.Upsert(killSwitch.Id, killSwitch, ("version", killSwitch.Version));

    public long CurrentVersion() => _version.Get();

    public long NextVersion()
    {
        var next = CurrentVersion() + 1;
        _version.Save(next);
        return next;
    }

    public KillSwitchEvidence? GetEvidence(string id) => _evidence.Get<KillSwitchEvidence>(id);

    public IReadOnlyList<KillSwitchEvidence> Evidence(string key, string scope) =>
        [.. _evidence.Where<KillSwitchEvidence>("switch_id = @switch", ("switch", KillSwitch.IdOf(key, scope)))
            .OrderByDescending(e => e.ActivatedAt).ThenByDescending(e => e.Id, StringComparer.Ordinal)];

    public void Upsert(KillSwitchEvidence evidence) => _evidence.Upsert(evidence.Id, evidence, ("switch_id", evidence.SwitchId));

    public void AppendHistory(string switchId, SwitchHistoryEntry entry) =>
        db.Execute("INSERT INTO kill_switch_history (switch_id, version, doc) VALUES (@switch, @version, CAST(@doc AS jsonb))",
            ("switch", switchId), ("version", entry.Version), ("doc", JsonDocuments.Serialize(entry)));

    public IReadOnlyList<SwitchHistoryEntry> History(string switchId, long? beforeVersion, int limit) =>
        db.Rows("SELECT doc::text FROM kill_switch_history WHERE switch_id = @switch AND version < @before ORDER BY version DESC LIMIT @limit",
            r => JsonDocuments.Deserialize<SwitchHistoryEntry>(r.GetString(0), switchId),
            ("switch", switchId), ("before", beforeVersion ?? long.MaxValue), ("limit", limit));
}
