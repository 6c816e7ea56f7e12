using LiteDB;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.Alerts;

/// <summary>Rules, alerts (indexed by receipt time, route order, status order and incident), deliveries (by receipt time) and silences (by incident).</summary>
internal sealed class LiteAlertRepository(ILiteDatabase db, bool writable) : IAlertRepository
{
    private readonly ILiteCollection<BsonDocument> _rules = db.GetCollection(LiteSchema.AlertRules);
    private readonly ILiteCollection<BsonDocument> _alerts = db.GetCollection(LiteSchema.Alerts);
    private readonly ILiteCollection<BsonDocument> _deliveries = db.GetCollection(LiteSchema.AlertDeliveries);
    private readonly ILiteCollection<BsonDocument> _silences = db.GetCollection(LiteSchema.AlertSilences);
    private readonly ResolvedAlertCount _resolved = new(db);

    /// <summary>
    /// Alerts written before the route order or the status order existed get them from their JSON; the route key's own
    /// index served only the read the route order replaces.
    /// </summary>
    public static readonly IReadOnlyList<LiteRekey> Rekeys =
        [new(LiteSchema.Alerts, AlertRouteOrder.Field, Rewrap, "routeKey"), new(LiteSchema.Alerts, AlertStatusOrder.Field, Rewrap)];

    public static void EnsureIndexes(ILiteDatabase db)
    {
        var alerts = db.GetCollection(LiteSchema.Alerts);
        alerts.EnsureIndex("receivedAt");
        alerts.EnsureIndex("incidentId");
        foreach (var rekey in Rekeys)
        {
            rekey.Run(alerts);
        }

        new ResolvedAlertCount(db).Recount();

        db.GetCollection(LiteSchema.AlertDeliveries).EnsureIndex("receivedAt");
        db.GetCollection(LiteSchema.AlertSilences).EnsureIndex("incidentId");
    }

    public IReadOnlyList<AlertRule> Rules() =>
        [.. _rules.FindAll().Select(JsonDocuments.Unwrap<AlertRule>).OrderBy(r => r.Order).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public AlertRule? Rule(string id) => _rules.FindById(id) is { } doc ? JsonDocuments.Unwrap<AlertRule>(doc) : null;

    public void Upsert(AlertRule rule)
    {
        LiteSession.EnsureWritable(writable);
        _rules.Upsert(JsonDocuments.Wrap(rule.Id, rule));
    }

    public void DeleteRule(string id)
    {
        LiteSession.EnsureWritable(writable);
        _rules.Delete(id);
    }

    public AlertRecord? Alert(string id) => _alerts.FindById(id) is { } doc ? JsonDocuments.Unwrap<AlertRecord>(doc) : null;

    public void Upsert(AlertRecord alert)
    {
        LiteSession.EnsureWritable(writable);
        var doc = Wrap(alert);
        var change = (AlertStatusOrder.IsResolved(doc) ? 1 : 0) - (_alerts.FindById(alert.Id) is { } stored && AlertStatusOrder.IsResolved(stored) ? 1 : 0);
        if (change != 0)
        {
            _resolved.Set(_resolved.Get() + change);
        }

        _alerts.Upsert(doc);
    }

    private static BsonDocument Rewrap(BsonDocument doc) => Wrap(JsonDocuments.Unwrap<AlertRecord>(doc));

    private static BsonDocument Wrap(AlertRecord alert) =>
        JsonDocuments.Wrap(alert.Id, alert,
            ("receivedAt", alert.ReceivedAt.UtcDateTime), (AlertRouteOrder.Field, AlertRouteOrder.Key(alert)), (AlertStatusOrder.Field, AlertStatusOrder.Key(alert)),
            ("incidentId", alert.IncidentId ?? string.Empty), ("routed", alert.IsRouted));

    public IReadOnlyList<AlertRecord> Recent(int take, bool? routed = null, string? incidentId = null)
    {
        // Newest first straight from the index; one incident's alerts are few enough to sort.
        var found = incidentId is null
            ? _alerts.Find(Query.All("receivedAt", Query.Descending))
            : _alerts.Find(Query.EQ("incidentId", incidentId)).OrderByDescending(d => d["receivedAt"].AsDateTime);
        if (routed is { } wanted)
        {
            found = found.Where(d => d["routed"].AsBoolean == wanted);
        }

        return [.. found.Take(take).Select(JsonDocuments.Unwrap<AlertRecord>)];
    }

    // Read down the route order as the caller goes: joining an alert to its route's open incident looks at the newest
    // one or two, and a route the console raises on every flip of a global switch holds one alert per flip.
    public IEnumerable<AlertRecord> ByRoute(string routeKey)
    {
        var prefix = AlertRouteOrder.Prefix(routeKey);
        return KeysetPages.Walk<BsonDocument>((last, take) =>
            {
                var before = last?[AlertRouteOrder.Field].AsBinary;
                return ByteKeyRange.Page(_alerts, AlertRouteOrder.Field, prefix, before ?? ByteSortKey.End(prefix), descending: true, before, take);
            })
            .Select(JsonDocuments.Unwrap<AlertRecord>);
    }

    public void Add(AlertDelivery delivery)
    {
        LiteSession.EnsureWritable(writable);
        _deliveries.Insert(JsonDocuments.Wrap(delivery.Id, delivery, ("receivedAt", delivery.ReceivedAt.UtcDateTime)));
    }

    public IReadOnlyList<AlertDelivery> Deliveries(int take) =>
        [.. _deliveries.Find(Query.All("receivedAt", Query.Descending), limit: take).Select(JsonDocuments.Unwrap<AlertDelivery>)];

    public void PruneDeliveries(int keep)
    {
        LiteSession.EnsureWritable(writable);
        var old = OldestBeyond(_deliveries, keep).Select(d => d["_id"]).ToList();
        foreach (var id in old)
        {
            _deliveries.Delete(id);
        }
    }

    // The kept count says how many resolved alerts are past those kept: their keys are walked oldest first to the newest
    // of them, which is deleted with every older resolved alert. Firing alerts are never read, and the resolved ones kept
    // not even as index keys, so a delivery that resolves one alert walks one key.
    public void PruneResolvedAlerts(int keep)
    {
        LiteSession.EnsureWritable(writable);
        var count = _resolved.Get();
        var excess = count - Math.Max(0, keep);
        if (excess <= 0)
        {
            return;
        }

        var newestPruned = AlertStatusOrder.ResolvedOldestFirst(_alerts).Offset(excess - 1).Limit(1).ToDocuments().FirstOrDefault();
        if (newestPruned is not null)
        {
            _resolved.Set(count - _alerts.DeleteMany(AlertStatusOrder.Resolved(newestPruned[AlertStatusOrder.Field].AsBinary)));
            return;
        }

        // The count says more than the file holds (an earlier version wrote alerts without keeping it): counted again
        // rather than trusted, so no resolved alert among the newest kept is removed.
        _resolved.Set(_resolved.Counted());
        PruneResolvedAlerts(keep);
    }

    /// <summary>
    /// The documents past the newest <paramref name="keep"/> by receipt time, oldest first. LiteDB loads every document
    /// a query walks before it skips any, so "newest first, skip keep" read the whole collection on every delivery (one a
    /// flip of a global switch); counting (the primary key's index alone) and taking only the excess reads none of it.
    /// </summary>
    private static IEnumerable<BsonDocument> OldestBeyond(ILiteCollection<BsonDocument> collection, int keep)
    {
        var excess = collection.Count() - Math.Max(0, keep);
        return excess > 0 ? collection.Find(Query.All("receivedAt", Query.Ascending), limit: excess) : [];
    }

    public AlertSilence? Silence(string id) => _silences.FindById(id) is { } doc ? JsonDocuments.Unwrap<AlertSilence>(doc) : null;

    public IReadOnlyList<AlertSilence> Silences(string incidentId) =>
        [.. _silences.Find(Query.EQ("incidentId", incidentId)).Select(JsonDocuments.Unwrap<AlertSilence>).OrderByDescending(s => s.StartsAt)];

    public void Upsert(AlertSilence silence)
    {
        LiteSession.EnsureWritable(writable);
        _silences.Upsert(JsonDocuments.Wrap(silence.Id, silence, ("incidentId", silence.IncidentId)));
    }
}
