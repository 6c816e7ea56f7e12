using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.Incidents;

/// <summary>
/// Every change an incident's page offers, and which form of the page a person gets. The page is first served as a watch
/// page, without a live circuit (kept live over the hub), so a crowd of open pages costs the server little (issue 14): a
/// circuit holds ~900 KB for as long as the page is open, a watch page ~30 KB. A person whose roles allow none of the
/// changes (a Viewer, a stakeholder during an incident) only ever watches; anyone else gets the page with its controls
/// by asking to act on it.
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

    /// <summary>Whether the person gets the watch page: unless they asked to act and may make one of the page's changes.</summary>
    public static bool Watches(Permissions permissions, Actor actor, bool askedToAct) => !askedToAct || OnlyWatches(permissions, actor);
}
