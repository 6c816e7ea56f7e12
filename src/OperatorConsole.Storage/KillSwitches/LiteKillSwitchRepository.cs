using System.Globalization;
using LiteDB;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.KillSwitches;

/// <summary>
/// Switches keyed "key@scope" with their version indexed; evidence by switch; history lines keyed "switch/version" so
/// one switch's lines are one key range; the version counter in one meta document.
/// </summary>
internal sealed class LiteKillSwitchRepository(ILiteDatabase db, bool writable) : IKillSwitchRepository
{
    private const string VersionId = "kill-switch-version";

    private readonly ILiteCollection<BsonDocument> _switches = db.GetCollection(LiteSchema.KillSwitches);
    private readonly ILiteCollection<BsonDocument> _evidence = db.GetCollection(LiteSchema.KillSwitchEvidence);
    private readonly ILiteCollection<BsonDocument> _history = db.GetCollection(LiteSchema.KillSwitchHistory);
    private readonly ILiteCollection<BsonDocument> _meta = db.GetCollection(LiteSchema.Meta);

    public KillSwitch? Get(string key, string scope)
    {
        var doc = _switches.FindById(KillSwitch.IdOf(key, scope));
        return doc is null ? null : JsonDocuments.Unwrap<KillSwitch>(doc);
    }

    public IReadOnlyList<KillSwitch> All() => KillSwitch.InListOrder(_switches.FindAll().Select(JsonDocuments.Unwrap<KillSwitch>));

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

    public void AppendHistory(string switchId, SwitchHistoryEntry entry)
    {
        LiteSession.EnsureWritable(writable);
        _history.Insert(HistoryDocument(switchId, entry));
    }

    // Keys sort by switch, then version, so a page is one range walk of the primary index: no sort, no skip.
    public IReadOnlyList<SwitchHistoryEntry> History(string switchId, long? beforeVersion, int limit) =>
        [.. _history.Query()
            .Where(Query.And(Query.GTE("_id", HistoryKey(switchId, 0)), Query.LT("_id", HistoryKey(switchId, beforeVersion ?? long.MaxValue))))
            .OrderByDescending("_id").Limit(limit).ToDocuments().Select(JsonDocuments.Unwrap<SwitchHistoryEntry>)];

    internal static BsonDocument HistoryDocument(string switchId, SwitchHistoryEntry entry) =>
        JsonDocuments.Wrap(HistoryKey(switchId, entry.Version), entry);

    private static string HistoryKey(string switchId, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{switchId}/{version:D19}");
}
