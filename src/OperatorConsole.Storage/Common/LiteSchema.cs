using System.Reflection;
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

    // LiteDB's FileStorage (runbook files, evidence attachments) keeps its files and their chunks in these two.
    public const string StoredFiles = "_files";
    public const string StoredFileChunks = "_chunks";

    /// <summary>Every collection the store uses: the names above.</summary>
    public static readonly IReadOnlyList<string> Collections = typeof(LiteSchema)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The keys that documents of earlier versions lack, each brought in by <see cref="Ensure"/>.</summary>
    public static readonly IReadOnlyList<LiteRekey> Rekeys =
        [OperatorConsole.Storage.Incidents.TimelineSchema.Rekey, .. OperatorConsole.Storage.Alerts.LiteAlertRepository.Rekeys];

    /// <summary>Run at open, before any reader can see the database.</summary>
    public static void Ensure(ILiteDatabase db)
    {
        EnsureCollections(db);
        EnsureIndexes(db);
    }

    /// <summary>
    /// LiteDB 5.0.20 lists the collections in its one shared header page, and a commit adds a new collection there
    /// before it makes its pages readable. A reader that took its read version before that commit but looks the
    /// collection up after it reads the collection's page as it was before (not yet a collection page), fails
    /// LiteDB's internal check ("page type must be collection page"), and LiteDB closes the whole engine under every
    /// other reader and the writer. So every collection exists from the open on and no later commit creates one.
    /// Inserting nothing creates the collection and writes no document.
    /// </summary>
    private static void EnsureCollections(ILiteDatabase db)
    {
        var existing = db.GetCollectionNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Collections.Where(c => !existing.Contains(c)))
        {
            db.GetCollection(name).Insert(Array.Empty<BsonDocument>());
        }
    }

    private static void EnsureIndexes(ILiteDatabase db)
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
