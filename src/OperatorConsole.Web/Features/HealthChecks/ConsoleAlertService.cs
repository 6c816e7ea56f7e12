using OperatorConsole.Core.ConsoleAlerts;

namespace OperatorConsole.Web.Features.HealthChecks;

/// <summary>Runs <see cref="ConsoleAlertWatcher"/>: kill-switch activation, rollback timers run out, ledger verification.</summary>
public sealed class ConsoleAlertService(ConsoleAlertWatcher watcher, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CheckSchedulerService.Started(lifetime, stoppingToken);
        await watcher.RunAsync(stoppingToken);
    }
}
