using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Incidents;

/// <summary>The incident feature's ledger actions and who may perform them.</summary>
public sealed class IncidentActions : IActionRules
{
    public const string Open = "incident.open";
    public const string Move = "incident.move";
    public const string Reopen = "incident.reopen";
    public const string ConfirmClosure = "incident.confirm-closure";
    public const string SetSeverity = "incident.set-severity";
    public const string SetClass = "incident.set-class";
    public const string TickObligation = "incident.tick-obligation";
    public const string Note = "incident.note";
    public const string Decision = "incident.decision";
    public const string Pin = "incident.pin";
    public const string Evidence = "incident.evidence";

    /// <summary>Not a ledger action of its own: the query for the later moves (resolve, close), which owners make.</summary>
    public const string MoveOn = "incident.move-on";

    public static readonly ActionRule AcknowledgeOrContain =
        ActionRule.Only(Move, IncidentService.Responders, "acknowledge or contain an incident");

    public static readonly ActionRule ResolveOrClose =
        ActionRule.Only(MoveOn, IncidentService.Owners, "resolve or close an incident");

    /// <summary>The rule for moving to <paramref name="to"/>: on-call may acknowledge and contain; the owner moves further.</summary>
    public static ActionRule MoveTo(IncidentStatus to) =>
        IncidentLifecycle.RoleToMoveTo(to) == AcknowledgeOrContain.AnyOf ? AcknowledgeOrContain : ResolveOrClose;

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Open, IncidentService.Responders, "open an incident"),
        AcknowledgeOrContain,
        ResolveOrClose,
        ActionRule.Only(Reopen, IncidentService.Owners, "reopen an incident"),
        ActionRule.Only(ConfirmClosure, IncidentService.Owners, "confirm an incident's closure condition"),
        ActionRule.Only(SetSeverity, IncidentService.Owners, "change an incident's severity"),
        ActionRule.Only(SetClass, IncidentService.Owners, "change an incident's class"),
        ActionRule.Only(TickObligation, IncidentService.Responders, "tick an incident's obligations"),
        ActionRule.Only(Note, IncidentService.Responders, "add notes to an incident"),
        ActionRule.Only(Decision, IncidentService.Owners, "record decisions on an incident"),
        ActionRule.Only(Pin, IncidentService.Responders, "pin timeline entries"),
        ActionRule.Only(Evidence, IncidentService.Responders, "record an incident's evidence"),
    ];
}
