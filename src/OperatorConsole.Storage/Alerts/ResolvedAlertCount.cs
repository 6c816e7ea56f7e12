using LiteDB;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Alerts;

/// <summary>
/// How many resolved alerts the file holds: one document of the meta collection, changed in the same transaction as the
/// alerts (the one writer's), so a prune knows how many to remove without walking the thousands it keeps. It is counted
/// again at every open: a console version from before the count (a downgrade, then an upgrade) may have written or pruned
/// alerts without keeping it, and a count left too high would make the next prune remove some of the newest kept.
/// </summary>
internal sealed class ResolvedAlertCount(ILiteDatabase db)
{
    public const string Id = "resolved-alert-count";
    private readonly ILiteCollection<BsonDocument> _meta = db.GetCollection(LiteSchema.Meta);
    private readonly ILiteCollection<BsonDocument> _alerts = db.GetCollection(LiteSchema.Alerts);

    /// <summary>Call before the alerts change: a file from before the count was kept is counted from what is stored.</summary>
    public int Get() => _meta.FindById(Id)?["value"].AsInt32 ?? Counted();

    /// <summary>At open, while only the opener holds the file: written only when the file says otherwise.</summary>
    public void Recount()
    {
        var counted = Counted();
        if (_meta.FindById(Id)?["value"] is not { IsInt32: true } stored || stored.AsInt32 != counted)
        {
            Set(counted);
        }
    }

    public void Set(int count) => _meta.Upsert(new BsonDocument { ["_id"] = Id, ["value"] = count });

    /// <summary>Walks every resolved alert's key in the status-order index.</summary>
    public int Counted() => AlertStatusOrder.ResolvedOldestFirst(_alerts).ToDocuments().Count();
}
