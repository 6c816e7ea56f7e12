using OperatorConsole.Core.Lockdown;

namespace OperatorConsole.Web.Features.Commands;

/// <summary>EMERGENCY_LOCKDOWN, and UNRELEASE_LOCKDOWN with the confirmation_token round trip (001).</summary>
public sealed class LockdownCommands(LockdownService lockdown) : ICommandHandler
{
    public const string Engage = "EMERGENCY_LOCKDOWN";
    public const string Release = "UNRELEASE_LOCKDOWN";

    public IReadOnlyCollection<string> Types { get; } = [Engage, Release];

    public async Task<IResult> HandleAsync(CommandRequest command)
    {
        var reason = command.ReasonOrOperator();
        if (command.Type == Engage)
        {
            var record = await lockdown.EngageAsync(command.Actor, reason, command.Text("incident_id"), command.OperatorId);
            return CommandResults.Ok(new
            {
                status = "LOCKED_DOWN", lockdown_id = record.Id, record.EngagedAt, engaged_by = record.EngagedByName, record.Reason,
                snapshot_integrity_hash = record.SnapshotHash, snapshot_url = $"/api/lockdown/{record.Id}/snapshot", alert_webhook = record.Alert,
            });
        }

        if (command.ConfirmationToken is null)
        {
            return CommandResults.ConfirmationNeeded(Release, await lockdown.RequestReleaseAsync(command.Actor, reason, command.OperatorId));
        }

        var released = await lockdown.ConfirmReleaseAsync(command.Actor, command.ConfirmationToken, reason, command.OperatorId);
        return CommandResults.Ok(new { status = "RELEASED", lockdown_id = released.Id, release = released.Release });
    }
}
