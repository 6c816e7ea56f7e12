using System.Diagnostics.Metrics;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Web.Features.HealthChecks;

namespace OperatorConsole.Web.Telemetry;

/// <summary>
/// State read from the committed store when a collector asks (a Prometheus scrape, an OTLP export), so the numbers
/// are the store's and survive restarts; nothing is counted twice by a replayed event.
/// </summary>
public sealed class StoreGauges
{
    public StoreGauges(IMeterFactory meters, IConsoleStore store, LedgerHealthCheck ledgerHealth)
    {
        var meter = meters.Create(ConsoleMetrics.MeterName);
        meter.CreateObservableGauge("operatorconsole.ledger.entries", () => store.Read(s => s.Ledger.Head()?.Sequence ?? 0),
            "{entry}", "Entries in the audit ledger (the head's sequence number).");
        meter.CreateObservableGauge("operatorconsole.ledger.verify.passed", () => LastVerify(ledgerHealth),
            description: "1 when the last ledger verification (the /health/ledger check) passed, 0 when it failed; absent before the first.");
        meter.CreateObservableGauge("operatorconsole.incidents.open", () => OpenIncidents(store),
            "{incident}", "Open incidents, by severity.");
        meter.CreateObservableGauge("operatorconsole.killswitches.active", () => store.Read(s => s.KillSwitches.All().Count(k => k.On)),
            "{switch}", "Kill switches that are on (the feature is killed) in any scope.");
    }

    private static IEnumerable<Measurement<int>> LastVerify(LedgerHealthCheck ledgerHealth) =>
        ledgerHealth.LastIntegrityPassed is { } passed ? [new Measurement<int>(passed ? 1 : 0)] : [];

    // Every severity is reported, zeros included, so a dashboard's series do not vanish when the last incident closes.
    private static IEnumerable<Measurement<int>> OpenIncidents(IConsoleStore store)
    {
        var open = store.Read(s => s.Incidents.Open()).CountBy(i => i.Severity).ToDictionary();
        return Enum.GetValues<IncidentSeverity>().Select(severity => new Measurement<int>(
            open.GetValueOrDefault(severity), new KeyValuePair<string, object?>("severity", severity.ToString().ToLowerInvariant())));
    }
}
