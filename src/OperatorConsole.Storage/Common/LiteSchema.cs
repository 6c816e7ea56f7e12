using LiteDB;

namespace OperatorConsole.Storage.Common;

internal static class LiteSchema
{
    public const string Runbooks = "runbooks";
    public const string Runs = "runs";
    public const string Users = "users";
    public const string ApiKeys = "api_keys";
    public const string Ledger = "ledger";
    public const string Incidents = "incidents";
    public const string Timeline = "incident_timeline";
    public const string TimelineCounts = "incident_timeline_counts";
    public const string Evidence = "evidence_records";
    public const string PostIncidentRecords = "post_incident_records";
    public const string Attachments = "attachments";
    public const string GuardedTokens = "guarded_tokens";
    public const string GuardedPolicies = "guarded_policies";
    public const string KillSwitches = "kill_switches";
    public const string KillSwitchEvidence = "kill_switch_evidence";
    public const string KillSwitchHistory = "kill_switch_history";
    public const string Lockdowns = "lockdowns";
    public const string LockdownSnapshots = "lockdown_snapshots";
    public const string Scopes = "scopes";
    public const string Manifests = "manifests";
    public const string Rollbacks = "rollbacks";
    public const string Releases = "releases";
    public const string Meta = "meta";
    public const string SignInSessions = "sign_in_sessions";
    public const string HealthChecks = "health_checks";
    public const string HealthCheckStates = "health_check_states";
    public const string HealthCheckResults = "health_check_results";
    public const string AlertRules = "alert_rules";
    public const string Alerts = "alerts";
    public const string AlertDeliveries = "alert_deliveries";
    public const string AlertSilences = "alert_silences";
    public const string Launches = "launches";
    public const string LaunchDuties = "launch_duties";
    public const string LaunchBundles = "launch_bundles";
    public const string Webhooks = "webhooks";
    public const string NotificationDeliveries = "notification_deliveries";

    public static void EnsureIndexes(ILiteDatabase db)
    {
        db.GetCollection(Runbooks).EnsureIndex("slug");
        db.GetCollection(Runbooks).EnsureIndex("sourcePath");
        db.GetCollection(Runbooks).EnsureIndex("declaredId");
        db.GetCollection(Runs).EnsureIndex("slug");
        db.GetCollection(Runs).EnsureIndex("startedAt");
        db.GetCollection(Ledger).EnsureIndex("ts");
        db.GetCollection(Ledger).EnsureIndex("actor");
        db.GetCollection(Ledger).EnsureIndex("action");
        OperatorConsole.Storage.Incidents.TimelineSchema.EnsureIndexes(db.GetCollection(Timeline));
        db.GetCollection(Incidents).EnsureIndex("status");
        db.GetCollection(Evidence).EnsureIndex("incidentId");
        db.GetCollection(PostIncidentRecords).EnsureIndex("openFollowUps");
        db.GetCollection(Attachments).EnsureIndex("incidentId");
        db.GetCollection(GuardedTokens).EnsureIndex("expiresAt");
        db.GetCollection(KillSwitches).EnsureIndex("version");
        db.GetCollection(KillSwitchEvidence).EnsureIndex("switchId");
        OperatorConsole.Storage.KillSwitches.KillSwitchHistoryMove.Run(db);
        db.GetCollection(Lockdowns).EnsureIndex("active");
        db.GetCollection(Manifests).EnsureIndex("scopeId");
        db.GetCollection(Rollbacks).EnsureIndex("scopeId");
        db.GetCollection(Rollbacks).EnsureIndex("drill");
        db.GetCollection(Releases).EnsureIndex("scopeId");
        db.GetCollection(HealthCheckResults).EnsureIndex("checkId");
        OperatorConsole.Storage.Alerts.LiteAlertRepository.EnsureIndexes(db);
        db.GetCollection(Launches).EnsureIndex("scopeId");
        OperatorConsole.Storage.Notifications.LiteNotificationRepository.EnsureIndexes(db);
    }
}
