using OperatorConsole.Core.Audit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Lockdown;

/// <summary>
/// Emergency lockdown (the panic button). OnCall engages it with a reason; in one change the console takes the
/// pre-halt snapshot as sealed evidence and enters lockdown, after which every management action is refused through
/// <see cref="Change.RequireNotLockedDown"/>. After the commit everyone online is told (topic
/// <see cref="Topics.Lockdown"/>) and the optional alert webhook is called. Releasing is a guarded action.
/// </summary>
public sealed partial class LockdownService(
    ChangeRunner changes, GuardedActionService guarded, IEnumerable<ILockdownSnapshotPart> parts, LockdownAlertWebhook webhook)
{
    public const int MaxReason = 1000;
    public const string Subject = "console:lockdown";
    public const Role Engagers = Role.OnCall;

    public LockdownRecord? Active() => changes.Store.Read(s => s.Lockdown.Active());

    public IReadOnlyList<LockdownRecord> History() => changes.Store.Read(s => s.Lockdown.All());

    public LockdownRecord Get(string id) =>
        changes.Store.Read(s => s.Lockdown.Get(id)) ?? throw new NotFoundException($"No lockdown '{id}'.");

    /// <summary>The sealed pre-halt snapshot of a lockdown, for download.</summary>
    public LockdownSnapshot Snapshot(string lockdownId) =>
        changes.Store.Read(s => s.Lockdown.Get(lockdownId) is { } record ? s.Lockdown.GetSnapshot(record.SnapshotId) : null)
        ?? throw new NotFoundException($"No snapshot for lockdown '{lockdownId}'.");

    /// <summary>
    /// Engages the lockdown. <paramref name="operatorId"/> is what a command named as its operator; it is recorded
    /// next to the authenticated actor and never used to decide anything.
    /// </summary>
    public async Task<LockdownRecord> EngageAsync(Actor actor, string? reason, string? incidentId = null, string? operatorId = null)
    {
        var engaged = await changes.RunAsync(actor, c =>
        {
            c.Require(LockdownActions.Engage, Subject);
            var why = RequireReason(reason);
            var incident = string.IsNullOrWhiteSpace(incidentId) ? null : incidentId.Trim();

            if (c.Session.Lockdown.Active() is { } active)
            {
                throw new ConflictException(LockdownMessages.AlreadyEngaged(active));
            }

            if (incident is not null && c.Session.Incidents.Get(incident) is null)
            {
                throw new NotFoundException($"No incident '{incident}'.");
            }

            var id = Guid.NewGuid().ToString("N")[..12];
            var snapshot = LockdownSnapshotBundle.Take(c, id, why, incident, parts);
            var record = new LockdownRecord
            {
                Id = id,
                Reason = why,
                IncidentId = incident,
                EngagedBy = c.Actor.Id,
                EngagedByName = c.Actor.DisplayName,
                EngagedAt = c.Now,
                SnapshotId = snapshot.Id,
                SnapshotHash = snapshot.IntegrityHash,
            };
            c.Session.Lockdown.Add(snapshot);
            c.Session.Lockdown.Upsert(record);
            var entry = c.Record(LockdownActions.Engage, Subject, new
            {
                lockdownId = id, reason = why, incidentId = incident, snapshotId = snapshot.Id, integrityHash = snapshot.IntegrityHash, operatorId,
            });
            if (incident is not null)
            {
                IncidentTimeline.Append(c, incident, TimelineKinds.KillSwitch, "Emergency lockdown engaged", $"{why} (snapshot {snapshot.IntegrityHash})");
            }

            c.Publish(Topics.Lockdown, LockdownEvents.Engaged, id, $"{c.Actor.DisplayName} locked the console down: {why}", entry.Sequence);
            return record;
        });
        return await AlertAsync(actor, engaged);
    }

    /// <summary>After the commit: POSTs the alert if an Admin configured a webhook, and records how that went.</summary>
    private async Task<LockdownRecord> AlertAsync(Actor actor, LockdownRecord engaged)
    {
        var url = changes.Store.Read(s => s.Lockdown.Settings()).AlertWebhookUrl;
        if (url is null)
        {
            return engaged;
        }

        var delivery = await webhook.DeliverAsync(url, new
        {
            type = "EMERGENCY_LOCKDOWN",
            console = "OperatorConsole",
            lockdown_id = engaged.Id,
            reason = engaged.Reason,
            engaged_by = engaged.EngagedByName,
            engaged_at = engaged.EngagedAt,
            incident_id = engaged.IncidentId,
            snapshot_integrity_hash = engaged.SnapshotHash,
        });
        return await changes.RunAsync(actor, c =>
        {
            var current = c.Session.Lockdown.Get(engaged.Id) ?? engaged;
            var updated = current with { Alert = delivery };
            c.Session.Lockdown.Upsert(updated);
            var entry = c.Record(LockdownActions.AlertWebhook, Subject, new
            {
                lockdownId = engaged.Id, target = delivery.Target, statusCode = delivery.StatusCode, error = delivery.Error, durationMs = delivery.DurationMs,
            }, delivery.Delivered ? LedgerOutcome.Allowed : LedgerOutcome.Failed);
            c.Publish(Topics.Lockdown, LockdownEvents.Alerted, engaged.Id, delivery.Delivered ? "Alert webhook delivered" : $"Alert webhook failed: {delivery.Error ?? $"HTTP {delivery.StatusCode}"}", entry.Sequence);
            return updated;
        });
    }

    private static string RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw DomainValidationException.ForFields([new FieldProblem("reason", "A reason is required.")]);
        }

        var trimmed = reason.Trim();
        return trimmed.Length <= MaxReason
            ? trimmed
            : throw DomainValidationException.ForFields([new FieldProblem("reason", $"A reason may be at most {MaxReason} characters.")]);
    }
}

public static class LockdownEvents
{
    public const string Engaged = "lockdown.engaged";
    public const string Alerted = "lockdown.alerted";
    public const string ReleaseRequested = "lockdown.release-requested";
    public const string Released = "lockdown.released";
    public const string SettingsChanged = "lockdown.settings";
}
