using OperatorConsole.Core.Alerts;
using OperatorConsole.Storage.Common;
using OperatorConsole.Storage.PostgreSql.Common;

namespace OperatorConsole.Storage.PostgreSql.Alerts;

/// <summary>Rules, alerts (receipt time, route, incident, routed and resolved as columns), deliveries and silences.</summary>
internal sealed class PgAlertRepository(PgContext db) : IAlertRepository
{
    private const string NewestFirst = "ORDER BY received_at DESC, id DESC";
    private readonly PgDocuments _rules = new(db, "alert_rules");
    private readonly PgDocuments _alerts = new(db, "alerts");
    private readonly PgDocuments _deliveries = new(db, "alert_deliveries");
    private readonly PgDocuments _silences = new(db, "alert_silences");

    public IReadOnlyList<AlertRule> Rules() =>
        [.. _rules.All<AlertRule>().OrderBy(r => r.Order).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public AlertRule? Rule(string id) => _rules.Get<AlertRule>(id);

    public void Upsert(AlertRule rule) => _rules.Upsert(rule.Id, rule);

    public void DeleteRule(string id) => _rules.Delete("id = @id", ("id", id));

    public AlertRecord? Alert(string id) => _alerts.Get<AlertRecord>(id);

    public void Upsert(AlertRecord alert) =>
        _alerts.Upsert(alert.Id, alert,
            ("received_at", alert.ReceivedAt.ToUniversalTime()), ("route_key", alert.RouteKey ?? string.Empty),
            ("incident_id", alert.IncidentId ?? string.Empty), ("routed", alert.IsRouted), ("resolved", alert.Status == IncomingAlert.Resolved));

    public IReadOnlyList<AlertRecord> Recent(int take, bool? routed = null, string? incidentId = null) =>
        _alerts.Ordered<AlertRecord>(
            "(@incident::text IS NULL OR incident_id = @incident) AND (@routed::boolean IS NULL OR routed = @routed)",
            NewestFirst + " LIMIT @take",
            ("incident", incidentId), ("routed", routed), ("take", Math.Max(0, take)));

    // Keyset pages down alerts_route_received: the join of a new alert reads the route's newest one or two, and a route
    // the console raises on every flip of a global switch holds one alert per flip. The stored receipt time is the
    // cursor, as PostgreSQL keeps it (microseconds), so a page never skips or repeats an alert of the same instant.
    public IEnumerable<AlertRecord> ByRoute(string routeKey) =>
        KeysetPages.Walk<RouteRow>((last, take) => last is null
                ? RoutePage("", ("route", routeKey), ("take", take))
                : RoutePage("AND (received_at, id) < (@at, @id)", ("route", routeKey), ("take", take), ("at", last.ReceivedAt), ("id", last.Id)))
            .Select(r => JsonDocuments.Deserialize<AlertRecord>(r.Doc, r.Id));

    private List<RouteRow> RoutePage(string below, params (string Name, object? Value)[] parameters) =>
        db.Rows($"SELECT id, doc::text, received_at FROM alerts WHERE route_key = @route {below} {NewestFirst} LIMIT @take",
            r => new RouteRow(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTime>(2)), parameters);

    public void Add(AlertDelivery delivery) => _deliveries.Insert(delivery.Id, delivery, ("received_at", delivery.ReceivedAt.ToUniversalTime()));

    public IReadOnlyList<AlertDelivery> Deliveries(int take) =>
        _deliveries.Ordered<AlertDelivery>("true", NewestFirst + " LIMIT @take", ("take", Math.Max(0, take)));

    public void PruneDeliveries(int keep) =>
        _deliveries.Delete($"id IN (SELECT id FROM alert_deliveries {NewestFirst} OFFSET @keep)", ("keep", Math.Max(0, keep)));

    // The resolved alerts only, down alerts_resolved_received: firing alerts neither count nor are read.
    public void PruneResolvedAlerts(int keep) =>
        _alerts.Delete($"id IN (SELECT id FROM alerts WHERE resolved {NewestFirst} OFFSET @keep)", ("keep", Math.Max(0, keep)));

    public AlertSilence? Silence(string id) => _silences.Get<AlertSilence>(id);

    public IReadOnlyList<AlertSilence> Silences(string incidentId) =>
        [.. _silences.Where<AlertSilence>("incident_id = @incident", ("incident", incidentId)).OrderByDescending(s => s.StartsAt)];

    public void Upsert(AlertSilence silence) => _silences.Upsert(silence.Id, silence, ("incident_id", silence.IncidentId));

    private sealed record RouteRow(string Id, string Doc, DateTime ReceivedAt);
}
