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
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.PostgreSql.Alerts;
using OperatorConsole.Storage.PostgreSql.Audit;
using OperatorConsole.Storage.PostgreSql.Evidence;
using OperatorConsole.Storage.PostgreSql.FailureStatus;
using OperatorConsole.Storage.PostgreSql.GuardedActions;
using OperatorConsole.Storage.PostgreSql.HealthChecks;
using OperatorConsole.Storage.PostgreSql.Incidents;
using OperatorConsole.Storage.PostgreSql.KillSwitches;
using OperatorConsole.Storage.PostgreSql.LaunchDay;
using OperatorConsole.Storage.PostgreSql.Notifications;
using OperatorConsole.Storage.PostgreSql.Lockdown;
using OperatorConsole.Storage.PostgreSql.Outbound;
using OperatorConsole.Storage.PostgreSql.Releases;
using OperatorConsole.Storage.PostgreSql.Rollback;
using OperatorConsole.Storage.PostgreSql.Runbooks;
using OperatorConsole.Storage.PostgreSql.Runs;
using OperatorConsole.Storage.PostgreSql.Scopes;
using OperatorConsole.Storage.PostgreSql.Sessions;
using OperatorConsole.Storage.PostgreSql.Users;

namespace OperatorConsole.Storage.PostgreSql.Common;

/// <summary>The repositories over one connection and transaction; a read session refuses writes.</summary>
internal sealed class PgSession(PgContext db) : IStoreSession
{
    /// <summary>The connection and transaction underneath, for the migration's raw copies.</summary>
    public PgContext Context => db;

    public IRunbookRepository Runbooks { get; } = new PgRunbookRepository(db);

    public IRunRepository Runs { get; } = new PgRunRepository(db);

    public IUserRepository Users { get; } = new PgUserRepository(db);

    public IApiKeyRepository ApiKeys { get; } = new PgApiKeyRepository(db);

    public ILedgerRepository Ledger { get; } = new PgLedgerRepository(db);

    public IIncidentRepository Incidents { get; } = new PgIncidentRepository(db);

    public IPostIncidentRepository PostIncidents { get; } = new PgPostIncidentRepository(db);

    public IAttachmentRepository Attachments { get; } = new PgAttachmentRepository(db);

    public IGuardedActionRepository GuardedActions { get; } = new PgGuardedActionRepository(db);

    public IKillSwitchRepository KillSwitches { get; } = new PgKillSwitchRepository(db);

    public ILockdownRepository Lockdown { get; } = new PgLockdownRepository(db);

    public IFailureStatusRepository FailureStatus { get; } = new PgFailureStatusRepository(db);

    public IScopeRepository Scopes { get; } = new PgScopeRepository(db);

    public IRollbackRepository Rollbacks { get; } = new PgRollbackRepository(db);

    public IReleaseRepository Releases { get; } = new PgReleaseRepository(db);

    public IOutboundRepository Outbound { get; } = new PgOutboundRepository(db);

    public ISignInSessionRepository SignInSessions { get; } = new PgSignInSessionRepository(db);

    public IScheduledCheckRepository HealthChecks { get; } = new PgScheduledCheckRepository(db);

    public IAlertRepository Alerts { get; } = new PgAlertRepository(db);

    public ILaunchRepository Launches { get; } = new PgLaunchRepository(db);

    public INotificationRepository Notifications { get; } = new PgNotificationRepository(db);

    /// <summary>Back to the savepoint taken right after the write lock: the lock stays held, so the denial still follows in order.</summary>
    public void DiscardChanges() => db.Discard();
}
