using OperatorConsole.Core.ConsoleAlerts;
using OperatorConsole.Core.Leases;

namespace OperatorConsole.Web.Features.HealthChecks;

/// <summary>Runs <see cref="ConsoleAlertWatcher"/>: kill-switch activation, rollback timers run out, ledger verification.</summary>
public sealed class ConsoleAlertService(ConsoleAlertWatcher watcher, LeasedWork leased, IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>With several instances, one watches, so a rollback timer running out raises one alert.</summary>
    public const string LeaseName = "console-alerts";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CheckSchedulerService.Started(lifetime, stoppingToken);
        await leased.RunAsync(LeaseName, watcher.RunAsync, stoppingToken);
    }
}
