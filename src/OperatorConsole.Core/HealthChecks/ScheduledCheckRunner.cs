using Microsoft.Extensions.Logging;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.HealthChecks;

/// <summary>
/// Runs one check with the runbook probe runner (so the outbound policy, timeouts and JSON thresholds are the same),
/// keeps the result as history with the failure streak in one write, then lets <see cref="CheckAlerting"/> raise or
/// resolve the check's alert.
/// </summary>
public sealed class ScheduledCheckRunner(ChangeRunner changes, ProbeRunner probes, CheckAlerting alerting, ILogger<ScheduledCheckRunner> logger)
{
    public const string ExecutedBy = "health-check scheduler";

    /// <summary>An Admin or OnCall runs a check now, outside its schedule; the result counts like a scheduled one.</summary>
    public async Task<CheckResult> RunNowAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        await changes.CheckAsync(actor, c =>
        {
            c.Require(HealthCheckActions.RunNow, $"health-check:{id}");
            _ = c.Session.HealthChecks.Get(id) ?? throw new NotFoundException($"No health check '{id}'.");
        }, cancellationToken);
        return await RunAsync(id, cancellationToken) ?? throw new NotFoundException($"No health check '{id}'.");
    }

    /// <summary>Runs the check and records its result; null when the check was deleted meanwhile.</summary>
    public async Task<CheckResult?> RunAsync(string id, CancellationToken cancellationToken = default)
    {
        var check = changes.Store.Read(s => s.HealthChecks.Get(id));
        if (check is null)
        {
            return null;
        }

        var result = await ProbeAsync(check, cancellationToken);
        var recorded = await changes.RunAsync(Actor.System, c =>
        {
            var current = c.Session.HealthChecks.Get(id);
            if (current is null)
            {
                return ((ScheduledCheck, CheckState)?)null;
            }

            var before = c.Session.HealthChecks.State(id) ?? ScheduledCheckService.Initial(current);
            var state = before with
            {
                Last = result,
                ConsecutiveFailures = result.Passed ? 0 : before.ConsecutiveFailures + 1,
                NextDueAt = result.At + current.Interval,
            };
            c.Session.HealthChecks.SaveState(state);
            c.Session.HealthChecks.AddResult(result, ScheduledCheckRules.HistoryKept);
            c.Publish(Topics.HealthChecks, HealthCheckEvents.Result, id, $"{current.Name}: {(result.Passed ? "passed" : "failed")} — {result.Reason}");
            return (current, state);
        }, cancellationToken);

        if (recorded is var (checkNow, stateNow))
        {
            await alerting.ReconcileAsync(checkNow, stateNow, cancellationToken);
        }

        return result;
    }

    private async Task<CheckResult> ProbeAsync(ScheduledCheck check, CancellationToken cancellationToken)
    {
        try
        {
            var probe = await probes.RunAsync(check.ToProbe(), ExecutedBy, cancellationToken);
            return new CheckResult(check.Id, probe.At, probe.Passed, probe.StatusCode, probe.LatencyMs, probe.Summary);
        }
        catch (Exception ex) when (ex is InvalidOperationException or UriFormatException)
        {
            // A path on the console before it listens, or a URL that no longer parses: a failed run, not a crashed scheduler.
            logger.LogWarning(ex, "Health check {CheckId} could not be probed", check.Id);
            return new CheckResult(check.Id, changes.Now, false, null, 0, $"unreachable: {ex.Message}");
        }
    }
}
