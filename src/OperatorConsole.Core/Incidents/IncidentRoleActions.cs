using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Incidents;

/// <summary>
/// Who may change an incident's people: hand it over, name its commander, join or leave its responders, and close a
/// SEV-1 over open required responses. Handing over and naming a commander also need the actor to be the incident's
/// owner unless they hold the incident owner role (<see cref="IncidentService.MayDirect"/>).
/// </summary>
public sealed class IncidentRoleActions : IActionRules
{
    public const string HandOver = "incident.hand-over";
    public const string SetCommander = "incident.set-commander";
    public const string Join = "incident.join";
    public const string Leave = "incident.leave";

    public static readonly ActionRule HandOverRule = new(HandOver, IncidentService.Responders,
        "Only the incident's owner or an incident owner can hand an incident over.");

    public static readonly ActionRule SetCommanderRule = new(SetCommander, IncidentService.Responders,
        "Only the incident's owner or an incident owner can name the incident commander.");

    public static readonly ActionRule JoinRule = new(Join, IncidentService.Responders,
        "Only on-call engineers and incident owners can join an incident as responders.");

    public static readonly ActionRule LeaveRule = new(Leave, IncidentService.Responders,
        "Only on-call engineers and incident owners can leave an incident's responders.");

    public static readonly ActionRule CloseOverrideRule = new(IncidentObligations.CloseOverrideAction, IncidentService.Owners,
        "Only incident owners can close a SEV-1 while required responses are still open.");

    public IEnumerable<ActionRule> Rules => [HandOverRule, SetCommanderRule, JoinRule, LeaveRule, CloseOverrideRule];
}
