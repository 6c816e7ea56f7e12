using OperatorConsole.Core.Leases;
using OperatorConsole.Core.HealthChecks;

namespace OperatorConsole.Web.Features.HealthChecks;

/// <summary>
/// Runs <see cref="CheckScheduler"/> once the server listens: checks of paths on the console resolve against its bound
/// address, which exists only then.
/// </summary>
public sealed class CheckSchedulerService(CheckScheduler scheduler, LeasedWork leased, IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>With several instances, one runs the schedule, so each check runs once when due.</summary>
    public const string LeaseName = "health-check-schedule";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Started(lifetime, stoppingToken);
        await leased.RunAsync(LeaseName, scheduler.RunAsync, stoppingToken);
    }

    internal static Task Started(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
