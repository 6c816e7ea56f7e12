namespace OperatorConsole.Web.Features.Commands;

public static class CommandSetup
{
    /// <summary>The command handlers behind POST /api/commands; add a family here.</summary>
    public static IServiceCollection AddConsoleCommands(this IServiceCollection services)
    {
        services.AddSingleton<ICommandHandler, LockdownCommands>();
        services.AddSingleton<ICommandHandler, FailureStatusCommands>();
        services.AddSingleton<ICommandHandler, ModelCommands>();
        services.AddSingleton<ICommandHandler, HeartbeatCommand>();
        return services;
    }
}
