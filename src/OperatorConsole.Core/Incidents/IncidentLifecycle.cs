using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Incidents;

/// <summary>
/// The pure status rule of DESIGN.md §3: an incident moves only forward along <see cref="IncidentStatus"/>
/// (skipping is fine); on-call may acknowledge and contain, every further move needs the incident owner.
/// Reopening a resolved or closed incident is its own action, not a move. Whether an incident may close
/// also depends on its evidence and confirmation; see <see cref="IncidentService.ClosureBlockers"/>.
/// </summary>
public static class IncidentLifecycle
{
    /// <summary>Whether a move from <paramref name="from"/> to <paramref name="to"/> is along the lifecycle.</summary>
    public static bool CanMove(IncidentStatus from, IncidentStatus to) =>
        Enum.IsDefined(from) && Enum.IsDefined(to) && to > from;

    /// <summary>The roles that may move an incident to <paramref name="to"/>.</summary>
    public static Role RoleToMoveTo(IncidentStatus to) =>
        to is IncidentStatus.Acknowledged or IncidentStatus.Contained ? IncidentService.Responders : IncidentService.Owners;

    /// <summary>Only a resolved or closed incident can be reopened.</summary>
    public static bool CanReopen(IncidentStatus from) => from is IncidentStatus.Resolved or IncidentStatus.Closed;

    /// <summary>Where a reopened incident starts again.</summary>
    public const IncidentStatus ReopensAt = IncidentStatus.Acknowledged;
}
