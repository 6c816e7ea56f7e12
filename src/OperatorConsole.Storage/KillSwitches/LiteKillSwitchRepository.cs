using LiteDB;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.KillSwitches;

/// <summary>Switches keyed "key@scope" with their version indexed; evidence by switch; the version counter in one meta document.</summary>
internal sealed class LiteKillSwitchRepository(ILiteDatabase db, bool writable) : IKillSwitchRepository
{
    private const string VersionId = "kill-switch-version";

    private readonly ILiteCollection<BsonDocument> _switches = db.GetCollection(LiteSchema.KillSwitches);
    private readonly ILiteCollection<BsonDocument> _evidence = db.GetCollection(LiteSchema.KillSwitchEvidence);
    private readonly ILiteCollection<BsonDocument> _meta = db.GetCollection(LiteSchema.Meta);

    public KillSwitch? Get(string key, string scope)
    {
        var doc = _switches.FindById(KillSwitch.IdOf(key, scope));
        return doc is null ? null : JsonDocuments.Unwrap<KillSwitch>(doc);
    }

    public IReadOnlyList<KillSwitch> All() =>
        [.. _switches.FindAll().Select(JsonDocuments.Unwrap<KillSwitch>)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ThenBy(s => s.Scope == KillSwitch.GlobalScope ? 0 : 1)
            .ThenBy(s => s.Scope, StringComparer.Ordinal)];

    public IReadOnlyList<KillSwitch> ChangedSince(long version) =>
        [.. _switches.Find(Query.GT("version", version)).Select(JsonDocuments.Unwrap<KillSwitch>).OrderBy(s => s.Version)];

    public void Upsert(KillSwitch killSwitch)
    {
        LiteSession.EnsureWritable(writable);
        _switches.Upsert(JsonDocuments.Wrap(killSwitch.Id, killSwitch, ("version", killSwitch.Version)));
    }

    public long CurrentVersion() => _meta.FindById(VersionId)?["value"].AsInt64 ?? 0;

    public long NextVersion()
    {
        LiteSession.EnsureWritable(writable);
        var next = CurrentVersion() + 1;
        _meta.Upsert(new BsonDocument { ["_id"] = VersionId, ["value"] = next });
        return next;
    }

    public KillSwitchEvidence? GetEvidence(string id)
    {
        var doc = _evidence.FindById(id);
        return doc is null ? null : JsonDocuments.Unwrap<KillSwitchEvidence>(doc);
    }

    public IReadOnlyList<KillSwitchEvidence> Evidence(string key, string scope) =>
        [.. _evidence.Find(Query.EQ("switchId", KillSwitch.IdOf(key, scope))).Select(JsonDocuments.Unwrap<KillSwitchEvidence>)
            .OrderByDescending(e => e.ActivatedAt).ThenByDescending(e => e.Id, StringComparer.Ordinal)];

    public void Upsert(KillSwitchEvidence evidence)
    {
        LiteSession.EnsureWritable(writable);
        _evidence.Upsert(JsonDocuments.Wrap(evidence.Id, evidence, ("switchId", evidence.SwitchId)));
    }
}
