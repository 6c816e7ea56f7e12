namespace OperatorConsole.Web.Features.Commands;

/// <summary>
/// One family of 001-style JSON commands for POST /api/commands. Register an implementation in
/// <see cref="CommandSetup.AddConsoleCommands"/> (e.g. REGISTER_MODEL, PROMOTE_CANDIDATE, ROLLBACK_MODEL, HEARTBEAT)
/// and the endpoint dispatches to it by <see cref="Types"/>; the endpoint itself never changes. A handler calls a Core
/// service with <see cref="CommandRequest.Actor"/> (who authenticated) — never with the operator id for authorization.
/// </summary>
public interface ICommandHandler
{
    /// <summary>The command types this handler takes, upper-case as sent (e.g. "EMERGENCY_LOCKDOWN"); unique across handlers.</summary>
    IReadOnlyCollection<string> Types { get; }

    Task<IResult> HandleAsync(CommandRequest command);
}
