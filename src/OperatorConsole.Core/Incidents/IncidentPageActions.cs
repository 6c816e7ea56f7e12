using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.Incidents;

/// <summary>
/// Every change an incident's page offers. A person whose roles allow none of them only watches the page (a Viewer, a
/// stakeholder during an incident): it is then served without a live circuit, so a crowd of watchers costs the server
/// little (issue 14).
/// </summary>
public static class IncidentPageActions
{
    public static readonly IReadOnlyList<string> All =
    [
        IncidentActions.Move, IncidentActions.MoveOn, IncidentActions.Reopen, IncidentActions.ConfirmClosure, IncidentActions.SetSeverity,
        IncidentActions.TickObligation, IncidentActions.Note, IncidentActions.Decision, IncidentActions.Pin, IncidentActions.Evidence,
        IncidentRoleActions.HandOver, IncidentRoleActions.SetCommander, IncidentRoleActions.Join, IncidentRoleActions.Leave,
        EvidenceActions.Preserve, EvidenceActions.Attach, RunActions.Start, AlertActions.Silence, AlertActions.SilenceExpire, RollbackActions.Start,
    ];

    public static bool OnlyWatches(Permissions permissions, Actor actor) => !permissions.MayPerformAnyOf(actor, All);
}
