using BenchmarkDotNet.Attributes;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Benchmarks;

/// <summary>
/// An alert storm's store: 5,000 old alerts still firing and, newer, as many resolved as the console keeps. Each
/// delivery resolves one firing alert (written just before it, outside the measurement), so each prunes the oldest
/// resolved alert.
/// </summary>
[MemoryDiagnoser]
public class AlertPruneBenchmarks : AlertIntakeBenchmark
{
    private const int OldFiring = 5_000;
    private static readonly Dictionary<string, string> Labels = new() { ["alertname"] = "DiskFull", ["scope"] = "porto" };
    private int _written;

    [GlobalSetup]
    public void Setup()
    {
        OpenStore();
        Store.WriteAsync(s =>
        {
            for (; _written < OldFiring + AlertIntake.ResolvedAlertsKept; _written++)
            {
                var alert = Alert(_written);
                s.Alerts.Upsert(_written < OldFiring ? alert : alert with { Status = IncomingAlert.Resolved, ResolvedAt = alert.ReceivedAt });
            }

            return 0;
        }).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void NewFiring() => Store.WriteAsync(s =>
    {
        s.Alerts.Upsert(Alert(_written++));
        return 0;
    }).GetAwaiter().GetResult();

    /// <summary>One webhook call resolving the newest firing alert: resolved, the resolved alerts pruned, committed with fsync.</summary>
    [Benchmark]
    public Task<IntakeResult> DeliverResolvingAlert()
    {
        var at = Start.AddMinutes(_written - 1);
        return Intake.RouteAsync(Actor.System, "alertmanager", () =>
            [new IncomingAlert(IncomingAlert.Resolved, Labels, new Dictionary<string, string>(), at, at, null, "storm")]);
    }

    private static AlertRecord Alert(int i) => new()
    {
        Id = AlertRecord.IdOf("storm", Start.AddMinutes(i)),
        Source = "alertmanager",
        Fingerprint = "storm",
        Status = IncomingAlert.Firing,
        Labels = Labels,
        StartsAt = Start.AddMinutes(i),
        ReceivedAt = Start.AddMinutes(i),
    };
}
