using OperatorConsole.Core.ConsoleAlerts;
using OperatorConsole.Core.HealthChecks;

namespace OperatorConsole.Web.Features.HealthChecks;

/// <summary>The scheduler and the console's own alerts as hosted services; both wait until the server listens.</summary>
public static class HealthCheckHosting
{
    public static IServiceCollection AddScheduledHealthChecks(this IServiceCollection services)
    {
        services.AddHostedService<CheckSchedulerService>();
        services.AddHostedService<ConsoleAlertService>();
        services.AddSingleton<LedgerHealthCheck>();
        return services;
    }
}

/// <summary>
/// Runs <see cref="CheckScheduler"/> once the server listens: checks of paths on the console resolve against its bound
/// address, which exists only then.
/// </summary>
public sealed class CheckSchedulerService(CheckScheduler scheduler, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Started(lifetime, stoppingToken);
        await scheduler.RunAsync(stoppingToken);
    }

    internal static Task Started(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}

/// <summary>Runs <see cref="ConsoleAlertWatcher"/>: kill-switch activation, rollback timers run out, ledger verification.</summary>
public sealed class ConsoleAlertService(ConsoleAlertWatcher watcher, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await CheckSchedulerService.Started(lifetime, stoppingToken);
        await watcher.RunAsync(stoppingToken);
    }
}
