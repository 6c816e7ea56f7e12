using OperatorConsole.Core.FailureStatus;

namespace OperatorConsole.Web.Features.Commands;

/// <summary>RESET_FAILURE_STATUS with the confirmation_token round trip (001).</summary>
public sealed class FailureStatusCommands(FailureStatusService status) : ICommandHandler
{
    public const string Reset = "RESET_FAILURE_STATUS";

    public IReadOnlyCollection<string> Types { get; } = [Reset];

    public async Task<IResult> HandleAsync(CommandRequest command)
    {
        var reason = command.ReasonOrOperator();
        if (command.ConfirmationToken is null)
        {
            return CommandResults.ConfirmationNeeded(Reset, await status.RequestResetAsync(command.Actor, reason));
        }

        var state = await status.ResetAsync(command.Actor, command.ConfirmationToken, reason, command.OperatorId);
        return CommandResults.Ok(new { status = state.Mode, failure_status = state });
    }
}
