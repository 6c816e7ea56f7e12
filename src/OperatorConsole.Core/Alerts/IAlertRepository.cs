namespace OperatorConsole.Core.Alerts;

public interface IAlertRepository
{
    /// <summary>The matrix, in order.</summary>
    IReadOnlyList<AlertRule> Rules();

    AlertRule? Rule(string id);

    void Upsert(AlertRule rule);

    void DeleteRule(string id);

    AlertRecord? Alert(string id);

    void Upsert(AlertRecord alert);

    /// <summary>Newest first; <paramref name="routed"/> null means both; <paramref name="incidentId"/> narrows to one incident.</summary>
    IReadOnlyList<AlertRecord> Recent(int take, bool? routed = null, string? incidentId = null);

    /// <summary>Alerts routed by one rule for one scope, newest first; a store may read them as they are enumerated.</summary>
    IEnumerable<AlertRecord> ByRoute(string routeKey);

    void Add(AlertDelivery delivery);

    /// <summary>Newest first.</summary>
    IReadOnlyList<AlertDelivery> Deliveries(int take);

    /// <summary>Removes all but the newest <paramref name="keep"/> deliveries.</summary>
    void PruneDeliveries(int keep);

    /// <summary>
    /// Keeps the newest <paramref name="keep"/> resolved alerts by receipt time and removes the older resolved ones; firing
    /// alerts always stay and do not count, so a storm of old firing alerts neither crowds out the resolved ones kept nor
    /// is read to find them.
    /// </summary>
    void PruneResolvedAlerts(int keep);

    AlertSilence? Silence(string id);

    IReadOnlyList<AlertSilence> Silences(string incidentId);

    void Upsert(AlertSilence silence);
}
