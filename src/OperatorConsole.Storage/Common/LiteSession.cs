using LiteDB;
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
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Alerts;
using OperatorConsole.Storage.Audit;
using OperatorConsole.Storage.Evidence;
using OperatorConsole.Storage.FailureStatus;
using OperatorConsole.Storage.GuardedActions;
using OperatorConsole.Storage.HealthChecks;
using OperatorConsole.Storage.Incidents;
using OperatorConsole.Storage.KillSwitches;
using OperatorConsole.Storage.LaunchDay;
using OperatorConsole.Storage.Lockdown;
using OperatorConsole.Storage.Notifications;
using OperatorConsole.Storage.Outbound;
using OperatorConsole.Storage.Sessions;
using OperatorConsole.Storage.Releases;
using OperatorConsole.Storage.Rollback;
using OperatorConsole.Storage.Runbooks;
using OperatorConsole.Storage.Runs;
using OperatorConsole.Storage.Scopes;
using OperatorConsole.Storage.Users;

namespace OperatorConsole.Storage.Common;

/// <summary>
/// The repositories over one database; a read-only session refuses writes. The writer's sessions carry the ledger head
/// it keeps (<see cref="LedgerHead"/>) and know whether their change runs first in its transaction: one that follows
/// other changes in the same transaction cannot discard its own writes alone nor ask for a transaction of its own, so
/// it throws <see cref="TransactionShared"/> and the writer runs it again first in a fresh one.
/// </summary>
internal sealed class LiteSession(ILiteDatabase db, bool writable, LedgerHead? ledgerHead = null, bool firstInTransaction = true) : IStoreSession
{
    public IRunbookRepository Runbooks { get; } = new LiteRunbookRepository(db, writable);

    public IRunRepository Runs { get; } = new LiteRunRepository(db, writable);

    public IUserRepository Users { get; } = new LiteUserRepository(db, writable);

    public IApiKeyRepository ApiKeys { get; } = new LiteApiKeyRepository(db, writable);

    public ILedgerRepository Ledger { get; } = new LiteLedgerRepository(db, writable, ledgerHead);

    public IIncidentRepository Incidents { get; } = new LiteIncidentRepository(db, writable);

    public IPostIncidentRepository PostIncidents { get; } = new LitePostIncidentRepository(db, writable);
    public IAttachmentRepository Attachments { get; } = new LiteAttachmentRepository(db, writable);

    public IGuardedActionRepository GuardedActions { get; } = new LiteGuardedActionRepository(db, writable);

    public IKillSwitchRepository KillSwitches { get; } = new LiteKillSwitchRepository(db, writable);

    public ILockdownRepository Lockdown { get; } = new LiteLockdownRepository(db, writable);

    public IFailureStatusRepository FailureStatus { get; } = new LiteFailureStatusRepository(db, writable);
    public IScopeRepository Scopes { get; } = new LiteScopeRepository(db, writable);

    public IRollbackRepository Rollbacks { get; } = new LiteRollbackRepository(db, writable);

    public IReleaseRepository Releases { get; } = new LiteReleaseRepository(db, writable);

    public IOutboundRepository Outbound { get; } = new LiteOutboundRepository(db, writable);

    public ISignInSessionRepository SignInSessions { get; } = new LiteSignInSessionRepository(db, writable);

    public IScheduledCheckRepository HealthChecks { get; } = new LiteScheduledCheckRepository(db, writable);
    public IAlertRepository Alerts { get; } = new LiteAlertRepository(db, writable);

    public ILaunchRepository Launches { get; } = new LiteLaunchRepository(db, writable);

    public INotificationRepository Notifications { get; } = new LiteNotificationRepository(db, writable);

    /// <summary>Set once the change asked to be the only one in its transaction; the writer commits right after it.</summary>
    public bool OwnTransaction { get; private set; }

    public void DiscardChanges()
    {
        EnsureWritable(writable);
        EnsureFirst();
        db.Rollback();
        ledgerHead?.Forget();
        db.BeginTrans();
    }

    public void RequireOwnTransaction()
    {
        EnsureWritable(writable);
        EnsureFirst();
        OwnTransaction = true;
    }

    public static void EnsureWritable(bool writable)
    {
        if (!writable)
        {
            throw new InvalidOperationException("This is a read session; write through IConsoleStore.WriteAsync.");
        }
    }

    private void EnsureFirst()
    {
        if (!firstInTransaction)
        {
            throw new TransactionShared();
        }
    }
}

/// <summary>Thrown into a change that needs its transaction to itself but shares it with the changes before it.</summary>
internal sealed class TransactionShared() : Exception("This change needs a transaction of its own; the writer runs it again first in one.");
