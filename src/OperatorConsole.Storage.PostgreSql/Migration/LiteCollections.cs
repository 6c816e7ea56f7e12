using LiteDB;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.HealthChecks;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Notifications;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Releases;
using OperatorConsole.Core.Rollback;
using OperatorConsole.Core.Runbooks;
using OperatorConsole.Core.Runs;
using OperatorConsole.Core.Scopes;
using OperatorConsole.Core.Sessions;
using OperatorConsole.Core.Users;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Storage.PostgreSql.Migration;

/// <summary>
/// How each record collection of a LiteDB console is written into the PostgreSQL store: the record is read as its
/// Core type and saved through the PostgreSQL repository, which fills the indexed columns. The ledger, the meta
/// collection and LiteDB's file storage are copied by <see cref="LiteToPostgres"/> itself.
/// </summary>
internal static class LiteCollections
{
    public static IReadOnlyDictionary<string, Func<BsonDocument, Action<IStoreSession>>> Copiers { get; } =
        new Dictionary<string, Func<BsonDocument, Action<IStoreSession>>>(StringComparer.Ordinal)
        {
            [LiteSchema.Runbooks] = Copy<Runbook>((s, r) => s.Runbooks.Add(r)),
            [LiteSchema.Runs] = Copy<RunbookRun>((s, r) => s.Runs.Upsert(r)),
            [LiteSchema.Users] = Copy<User>((s, r) => s.Users.Upsert(r)),
            [LiteSchema.ApiKeys] = Copy<ApiKey>((s, r) => s.ApiKeys.Upsert(r)),
            [LiteSchema.Incidents] = Copy<Incident>((s, r) => s.Incidents.Upsert(r)),
            [LiteSchema.Timeline] = Copy<TimelineEntry>((s, r) => s.Incidents.Upsert(r)),
            [LiteSchema.Evidence] = Copy<EvidenceRecord>((s, r) => s.Incidents.Add(r)),
            [LiteSchema.PostIncidentRecords] = Copy<PostIncidentRecord>((s, r) => s.PostIncidents.Upsert(r)),
            [LiteSchema.GuardedTokens] = Copy<PendingConfirmation>((s, r) => s.GuardedActions.Upsert(r)),
            [LiteSchema.GuardedPolicies] = Copy<GuardedActionPolicyOverride>((s, r) => s.GuardedActions.UpsertPolicyOverride(r)),
            [LiteSchema.KillSwitches] = Copy<KillSwitch>((s, r) => s.KillSwitches.Upsert(r)),
            [LiteSchema.KillSwitchEvidence] = Copy<KillSwitchEvidence>((s, r) => s.KillSwitches.Upsert(r)),
            [LiteSchema.Lockdowns] = Copy<LockdownRecord>((s, r) => s.Lockdown.Upsert(r)),
            [LiteSchema.LockdownSnapshots] = Copy<LockdownSnapshot>((s, r) => s.Lockdown.Add(r)),
            [LiteSchema.Scopes] = Copy<Scope>((s, r) => s.Scopes.Upsert(r)),
            [LiteSchema.Manifests] = Copy<Manifest>((s, r) => s.Scopes.Upsert(r)),
            [LiteSchema.Rollbacks] = Copy<RollbackRun>((s, r) => s.Rollbacks.Upsert(r)),
            [LiteSchema.Releases] = Copy<Release>((s, r) => s.Releases.Upsert(r)),
            [LiteSchema.SignInSessions] = Copy<SignInSession>((s, r) => s.SignInSessions.Upsert(r)),
            [LiteSchema.HealthChecks] = Copy<ScheduledCheck>((s, r) => s.HealthChecks.Upsert(r)),
            [LiteSchema.HealthCheckStates] = Copy<CheckState>((s, r) => s.HealthChecks.SaveState(r)),
            [LiteSchema.HealthCheckResults] = Copy<CheckResult>((s, r) => s.HealthChecks.AddResult(r, int.MaxValue)),
            [LiteSchema.AlertRules] = Copy<AlertRule>((s, r) => s.Alerts.Upsert(r)),
            [LiteSchema.Alerts] = Copy<AlertRecord>((s, r) => s.Alerts.Upsert(r)),
            [LiteSchema.AlertDeliveries] = Copy<AlertDelivery>((s, r) => s.Alerts.Add(r)),
            [LiteSchema.AlertSilences] = Copy<AlertSilence>((s, r) => s.Alerts.Upsert(r)),
            [LiteSchema.Launches] = Copy<Launch>((s, r) => s.Launches.Upsert(r)),
            [LiteSchema.LaunchDuties] = Copy<SignOffDuties>((s, r) => s.Launches.SaveDuties(r)),
            [LiteSchema.KillSwitchHistory] = doc =>
            {
                // Keyed "{switchId}/{version:D19}" (LiteKillSwitchRepository).
                var key = doc["_id"].AsString;
                var (switchId, entry) = (key[..key.LastIndexOf('/')], JsonDocuments.Unwrap<SwitchHistoryEntry>(doc));
                return s => s.KillSwitches.AppendHistory(switchId, entry);
            },

            // Derived from the timeline; PostgreSQL counts the timeline's index instead.
            [LiteSchema.TimelineCounts] = _ => _ => { },
            [LiteSchema.Webhooks] = Copy<Webhook>((s, r) => s.Notifications.Upsert(r)),
            [LiteSchema.NotificationDeliveries] = Copy<NotificationDelivery>((s, r) => s.Notifications.Upsert(r)),
            [LiteSchema.LaunchBundles] = doc =>
            {
                var (launchId, bundle) = (doc["_id"].AsString, JsonDocuments.Unwrap<PreservedBundle>(doc));
                return s => s.Launches.SaveBundle(launchId, bundle);
            },
        };

    private static Func<BsonDocument, Action<IStoreSession>> Copy<T>(Action<IStoreSession, T> save) => doc =>
    {
        var record = JsonDocuments.Unwrap<T>(doc);
        return s => save(s, record);
    };
}
