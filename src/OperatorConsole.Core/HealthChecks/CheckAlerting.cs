using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.HealthChecks;

/// <summary>
/// Raises a check's alert once its failures in a row reach the check's limit, and sends the resolution once it passes
/// again (or is disabled or deleted): once each, not on every failure. The check's state remembers since when its alert
/// fires, and is updated only after the intake took the alert, so an intake that failed is tried again on the next run.
/// </summary>
public sealed class CheckAlerting(AlertSender sender, ChangeRunner changes)
{
    public const string Source = "health-check";
    public const string AlertName = "HealthCheckFailed";

    public async Task ReconcileAsync(ScheduledCheck check, CheckState state, CancellationToken cancellationToken = default)
    {
        var shouldFire = check.Enabled && state.ConsecutiveFailures >= check.FailuresToAlert;
        if (shouldFire && !state.AlertFiring)
        {
            var since = state.Last?.At ?? changes.Now;
            if (await sender.TrySendAsync(Source, Alert(check, state, IncomingAlert.Firing, since, null), cancellationToken))
            {
                await MarkAsync(check, since, cancellationToken);
            }
        }
        else if (state.AlertFiring && (!check.Enabled || state.ConsecutiveFailures == 0))
        {
            await ResolveAsync(check, state, markState: true, cancellationToken);
        }
    }

    /// <summary>A deleted check's firing alert is resolved; its state is gone with it.</summary>
    public Task ResolveOrphanAsync(ScheduledCheck check, CheckState state) =>
        state.AlertFiring ? ResolveAsync(check, state, markState: false, CancellationToken.None) : Task.CompletedTask;

    private async Task ResolveAsync(ScheduledCheck check, CheckState state, bool markState, CancellationToken cancellationToken)
    {
        var resolved = Alert(check, state, IncomingAlert.Resolved, state.AlertFiringSince!.Value, changes.Now);
        if (await sender.TrySendAsync(Source, resolved, cancellationToken) && markState)
        {
            await MarkAsync(check, null, cancellationToken);
        }
    }

    private Task MarkAsync(ScheduledCheck check, DateTimeOffset? firingSince, CancellationToken cancellationToken) =>
        changes.RunAsync(Actor.System, c =>
        {
            if (c.Session.HealthChecks.State(check.Id) is not { } current)
            {
                return false;
            }

            c.Session.HealthChecks.SaveState(current with { AlertFiringSince = firingSince });
            var raised = firingSince is not null;
            var entry = c.Record(raised ? HealthCheckActions.AlertRaised : HealthCheckActions.AlertResolved, $"health-check:{check.Id}",
                new { check = check.Name, failures = current.ConsecutiveFailures, reason = current.Last?.Reason });
            c.Publish(Topics.HealthChecks, HealthCheckEvents.Alert, check.Id,
                raised ? $"{check.Name}: alert raised after {current.ConsecutiveFailures} failures" : $"{check.Name}: alert resolved", entry.Sequence);
            return true;
        }, cancellationToken);

    /// <summary>The alert of one failing episode: the same fingerprint and start for its firing and its resolution.</summary>
    public static IncomingAlert Alert(ScheduledCheck check, CheckState state, string status, DateTimeOffset startsAt, DateTimeOffset? endsAt) => new(
        status,
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = AlertName,
            ["check"] = check.Name,
            ["check_id"] = check.Id,
            ["owner"] = check.Owner,
            ["severity"] = check.Severity,
        },
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = status == IncomingAlert.Firing
                ? $"Health check {check.Name} failed {state.ConsecutiveFailures} times in a row: {state.Last?.Reason}"
                : $"Health check {check.Name} passes again: {state.Last?.Reason}",
            ["target"] = $"{check.Method} {check.Url}",
        },
        startsAt,
        endsAt,
        $"/health-checks/{Uri.EscapeDataString(check.Id)}",
        $"health-check:{check.Id}");
}
