using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Backup;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.ConsoleAlerts;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Insights;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.LaunchDay.Config;
using OperatorConsole.Core.LaunchDay.Probes;
using OperatorConsole.Core.Leases;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Notifications;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Core.Overview;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runbooks.Bulk;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runbooks.Import;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Users;

namespace OperatorConsole.Core;

public static class DependencyInjection
{
    /// <summary>The domain services. The host supplies the store, the checkpoint key and log, the password hasher and its own address.</summary>
    public static IServiceCollection AddConsoleCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LiveEventBroadcaster>();
        services.AddSingleton<ILiveEventPublisher>(sp => sp.GetRequiredService<LiveEventBroadcaster>());
        services.AddSingleton<ILiveEventSource>(sp => sp.GetRequiredService<LiveEventBroadcaster>());
        services.TryAddSingleton<IWorkLeases, SingleInstanceLeases>();
        services.AddSingleton<LeasedWork>();
        services.AddSingleton<ChangeRunner>();
        services.AddSingleton<ActionCatalog>();
        services.AddSingleton<Permissions>();
        services.AddSingleton<PermissionBoard>();
        services.AddActionRules();
        services.AddSingleton<RunbookParser>();
        services.AddSingleton<RunbookRenderer>();
        services.AddSingleton<LatestRunbooks>();
        services.AddSingleton<RunbookService>();
        services.AddSingleton<RunbookBulkImport>();
        services.AddSingleton<UserService>();
        services.AddOptions<SignInLimits>();
        services.AddSingleton<SignInFailures>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<LedgerTailVerifier>();
        services.AddSingleton<OutboundPolicy>();
        services.AddSingleton<OutboundService>();
        services.AddSingleton<BackupService>();
        services.AddOptions<CheckpointOptions>();
        services.AddSingleton<LedgerSealer>();
        services.AddSingleton<ProbeRunner>();
        services.AddSingleton<RunService>();
        services.AddSingleton<IncidentService>();
        services.AddSingleton<IActionRules, IncidentRoleActions>();
        services.AddSingleton<PostIncidentService>();
        services.AddSingleton<BundleSealer>();
        services.AddSingleton<EvidenceService>();

        // The host may register its own GuardedActionPolicies first (e.g. other token lifetimes).
        services.TryAddSingleton(_ => new GuardedActionPolicies());
        services.AddSingleton<GuardedActionService>();
        services.AddSingleton<KillSwitchService>();
        services.AddSingleton<KillSwitchBoard>();
        services.AddSingleton<FailureStatusService>();

        // The pre-halt snapshot's parts; a feature adds its own (e.g. active manifests per scope) by registering one more.
        services.AddSingleton<ILockdownSnapshotPart, KillSwitchesSnapshotPart>();
        services.AddSingleton<ILockdownSnapshotPart, OpenIncidentsSnapshotPart>();
        services.AddSingleton<ILockdownSnapshotPart, FailureStatusSnapshotPart>();
        services.AddSingleton<ILockdownSnapshotPart, ActiveManifestsSnapshotPart>();
        services.AddSingleton<LockdownAlertWebhook>();
        services.AddSingleton<LockdownService>();
        services.AddSingleton<LockdownBoard>();
        services.AddHttpClient(LockdownAlertWebhook.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundHttp.Handler(sp.GetRequiredService<OutboundPolicy>()));
        services.AddSingleton<ContentReader>();
        services.AddSingleton<ConfigFetcher>();
        services.AddSingleton<LaunchProbes>();
        services.AddSingleton<IRebindFollower, ReleaseStagesFollower>();
        services.AddSingleton<ScopeService>();
        services.AddOptions<RollbackOptions>();
        services.AddSingleton<RollbackService>();
        services.AddSingleton<RollbackObjective>();
        services.AddSingleton<ScopeStandings>();
        services.AddOptions<ReleaseOptions>();
        services.AddSingleton<ReleaseService>();
        services.AddSingleton<NoGoRules>();
        services.AddSingleton<LaunchService>();
        services.AddSingleton<IActionRules, LaunchActionRules>();

        services.AddSingleton<AlertSender>();
        services.AddSingleton<CheckAlerting>();
        services.AddSingleton<ScheduledCheckRunner>();
        services.AddSingleton<ScheduledCheckService>();
        services.AddSingleton<CheckScheduler>();
        services.AddSingleton<ConsoleAlertConditions>();
        services.AddSingleton<ConsoleAlertWatcher>();
        services.AddOptions<AlertOptions>();
        services.AddSingleton<AlertIntake>();
        services.AddSingleton<IAlertIntake>(sp => sp.GetRequiredService<AlertIntake>());
        services.AddSingleton<AlertService>();
        services.AddSingleton<AlertRuleService>();
        services.AddSingleton<AlertmanagerClient>();
        services.AddSingleton<AlertSilenceService>();
        services.AddSingleton<CommandCentre>();
        services.AddNotifications();
        services.AddSingleton<InsightsService>();
        services.AddSingleton<ConsoleSearch>();
        services.AddHttpClient(AlertmanagerClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundHttp.Handler(sp.GetRequiredService<OutboundPolicy>()));
        services.AddHttpClient(ProbeRunner.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => OutboundHttp.Handler(sp.GetRequiredService<OutboundPolicy>()));
        return services;
    }

    // Each feature's actions, so the Permissions query and every Change.Require know them.
    private static void AddActionRules(this IServiceCollection services)
    {
        services.AddSingleton<IActionRules, AlertActions>();
        services.AddSingleton<IActionRules, BackupActions>();
        services.AddSingleton<IActionRules, EvidenceActions>();
        services.AddSingleton<IActionRules, FailureStatusActions>();
        services.AddSingleton<IActionRules, GuardedActionRules>();
        services.AddSingleton<IActionRules, HealthCheckActions>();
        services.AddSingleton<IActionRules, IncidentActions>();
        services.AddSingleton<IActionRules, PostIncidentActions>();
        services.AddSingleton<IActionRules, KillSwitchActions>();
        services.AddSingleton<IActionRules, LockdownActions>();
        services.AddSingleton<IActionRules, NotificationActions>();
        services.AddSingleton<IActionRules, OutboundActions>();
        services.AddSingleton<IActionRules, ReleaseActions>();
        services.AddSingleton<IActionRules, RollbackActions>();
        services.AddSingleton<IActionRules, RunbookActions>();
        services.AddSingleton<IActionRules, RunActions>();
        services.AddSingleton<IActionRules, ScopeActions>();
        services.AddSingleton<IActionRules, UserActions>();
    }
}
