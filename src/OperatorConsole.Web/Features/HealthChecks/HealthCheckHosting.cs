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
