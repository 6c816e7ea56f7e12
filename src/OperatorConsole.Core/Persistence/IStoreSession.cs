using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Notifications;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Core.Persistence;

/// <summary>The repositories visible inside one read or write.</summary>
public interface IStoreSession
{
    IRunbookRepository Runbooks { get; }

    IRunRepository Runs { get; }

    IUserRepository Users { get; }

    IApiKeyRepository ApiKeys { get; }

    ILedgerRepository Ledger { get; }

    IIncidentRepository Incidents { get; }

    IPostIncidentRepository PostIncidents { get; }
    IAttachmentRepository Attachments { get; }

    IGuardedActionRepository GuardedActions { get; }

    IKillSwitchRepository KillSwitches { get; }

    ILockdownRepository Lockdown { get; }

    IFailureStatusRepository FailureStatus { get; }
    IScopeRepository Scopes { get; }

    IRollbackRepository Rollbacks { get; }

    IReleaseRepository Releases { get; }

    IOutboundRepository Outbound { get; }

    ISignInSessionRepository SignInSessions { get; }

    IScheduledCheckRepository HealthChecks { get; }
    IAlertRepository Alerts { get; }

    ILaunchRepository Launches { get; }

    INotificationRepository Notifications { get; }

    /// <summary>
    /// Write sessions only: rolls back everything written so far in this write and goes on in a fresh transaction
    /// on the same writer, so a refused change commits its 'denied' entry and nothing else.
    /// </summary>
    void DiscardChanges();

    /// <summary>
    /// Write sessions only: the change is about to act outside the store on what it read (the ledger sealer signs the
    /// head into the checkpoint log), so that state must be committed and the change must never run twice. A store
    /// that runs queued changes together in one transaction runs this one first in a transaction of its own; a store
    /// that already gives every change its own needs to do nothing.
    /// </summary>
    void RequireOwnTransaction()
    {
    }
}
