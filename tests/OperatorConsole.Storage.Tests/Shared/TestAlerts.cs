using OperatorConsole.Core.Alerts;

namespace OperatorConsole.Storage.Tests.Shared;

/// <summary>Alerts written straight to the store, for the repository's own reads: no rule matched, no incident joined.</summary>
public static class TestAlerts
{
    public static AlertRecord Firing(string id, DateTimeOffset receivedAt) => new()
    {
        Id = id,
        Source = "alertmanager",
        Fingerprint = id,
        Status = IncomingAlert.Firing,
        Labels = new Dictionary<string, string> { ["alertname"] = "StalePack" },
        StartsAt = receivedAt,
        ReceivedAt = receivedAt,
    };

    public static Task UpsertAlertsAsync(this TestStore store, params AlertRecord[] alerts) =>
        store.Store.WriteAsync(s =>
        {
            foreach (var alert in alerts)
            {
                s.Alerts.Upsert(alert);
            }

            return alerts.Length;
        });
}
