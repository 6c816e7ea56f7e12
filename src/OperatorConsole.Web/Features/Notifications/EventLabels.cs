using OperatorConsole.Core.Notifications;

namespace OperatorConsole.Web.Features.Notifications;

/// <summary>How the page names each event an Admin can choose.</summary>
public static class EventLabels
{
    public static string Of(NotificationEvent e) => e switch
    {
        NotificationEvent.IncidentOpened => "SEV-1/SEV-2 opened",
        NotificationEvent.LockdownEngaged => "Lockdown engaged",
        NotificationEvent.KillSwitchFlipped => "Kill switch flipped",
        NotificationEvent.RollbackTimerBreached => "Rollback timer breached",
        NotificationEvent.LaunchGo => "Launch NO-GO → GO",
        _ => e.ToString(),
    };
}
