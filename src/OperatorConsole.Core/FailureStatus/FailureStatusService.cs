using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.FailureStatus;

/// <summary>The parameters a reset token is bound to: the status version it resets and the reason.</summary>
public sealed record ResetFailureParameters(long Version, string Reason);

/// <summary>
/// The console-held failure status (001). Services (OnCall API keys) report a failure mode; only the guarded
/// RESET_FAILURE_STATUS returns it to NORMAL. Readers (e.g. a service's HEARTBEAT handler) call <see cref="Current"/>.
/// Neither is a management action: both keep working in lockdown.
/// </summary>
public sealed partial class FailureStatusService(ChangeRunner changes, GuardedActionService guarded)
{
    public const string Subject = "console:failure-status";
    public const int MaxReason = 1000;
    public const Role Reporters = Role.OnCall;

    public FailureState Current() => changes.Store.Read(s => s.FailureStatus.Current());

    public async Task<FailureState> ReportAsync(Actor actor, FailureReport report, string? operatorId = null)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(FailureStatusActions.Report, Subject);
            var problems = new List<FieldProblem>();
            var mode = report.Mode?.Trim() ?? string.Empty;
            if (!ModePattern().IsMatch(mode))
            {
                problems.Add(new("mode", "The failure mode is an upper-case name such as FAIL_CLOSED or DEGRADED (letters, digits, '_', at most 64)."));
            }
            else if (mode == FailureState.NormalMode)
            {
                problems.Add(new("mode", "NORMAL cannot be reported; a failure status returns to NORMAL only through the guarded RESET_FAILURE_STATUS."));
            }

            var reason = Text(report.Reason, "reason", MaxReason, required: true, problems);
            var reportId = Text(report.ReportId, "reportId", 100, required: false, problems);
            var incidentId = Text(report.IncidentId, "incidentId", 100, required: false, problems);
            if (problems.Count > 0)
            {
                throw DomainValidationException.ForFields(problems);
            }

            var state = new FailureState
            {
                Mode = mode,
                Version = c.Session.FailureStatus.Current().Version + 1,
                Reason = reason,
                ReportedBy = c.Actor.DisplayName,
                Since = c.Now,
                ReportId = reportId,
                IncidentId = incidentId,
            };
            c.Session.FailureStatus.Save(state);
            var entry = c.Record(FailureStatusActions.Report, Subject, new { mode, reason, reportId, incidentId, state.Version, operatorId });
            c.Publish(Topics.FailureStatus, "failure-status.changed", mode, $"{c.Actor.DisplayName} reported {mode}: {reason}", entry.Sequence);
            return state;
        });
    }

    /// <summary>Step one of RESET_FAILURE_STATUS: a token bound to the current status version and the reason.</summary>
    public async Task<GuardedRequest> RequestResetAsync(Actor actor, string? reason)
    {
        await guarded.RequireRoleAsync(actor, GuardedActionTypes.ResetFailureStatus, Subject);
        var why = RequireReason(reason);
        return await guarded.RequestCheckedAsync(actor, GuardedActionTypes.ResetFailureStatus, Subject, c =>
        {
            var current = c.Session.FailureStatus.Current();
            if (current.IsNormal)
            {
                throw new ConflictException("The failure status is already NORMAL; there is nothing to reset.");
            }

            return new ResetFailureParameters(current.Version, why);
        });
    }

    /// <summary>Step two: with the token and the same reason, the status returns to NORMAL.</summary>
    public async Task<FailureState> ResetAsync(Actor actor, string? token, string? reason, string? operatorId = null)
    {
        await guarded.RequireRoleAsync(actor, GuardedActionTypes.ResetFailureStatus, Subject, confirming: true);
        var why = RequireReason(reason);
        var current = Current();
        return await guarded.RunGuardedAsync(actor, token ?? string.Empty, GuardedActionTypes.ResetFailureStatus, Subject,
            new ResetFailureParameters(current.Version, why), (c, confirmation) =>
            {
                var was = c.Session.FailureStatus.Current();
                if (was.IsNormal)
                {
                    throw new ConflictException("The failure status is already NORMAL.");
                }

                var normal = FailureState.Normal with { Version = was.Version + 1, ReportedBy = c.Actor.DisplayName, Since = c.Now, Reason = why };
                c.Session.FailureStatus.Save(normal);
                var entry = c.Record(FailureStatusActions.Reset, Subject, new
                {
                    was = was.Mode, reason = why, requestId = confirmation.RequestId, requestedBy = confirmation.RequestedBy, operatorId,
                });
                c.Publish(Topics.FailureStatus, "failure-status.changed", FailureState.NormalMode, $"{c.Actor.DisplayName} reset the failure status to NORMAL: {why}", entry.Sequence);
                return normal;
            });
    }

    private static string RequireReason(string? reason)
    {
        var problems = new List<FieldProblem>();
        var why = Text(reason, "reason", MaxReason, required: true, problems);
        return problems.Count == 0 ? why! : throw DomainValidationException.ForFields(problems);
    }

    private static string? Text(string? value, string field, int max, bool required, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(new(field, $"{char.ToUpperInvariant(field[0])}{field[1..]} is required."));
            }

            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > max || trimmed.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
        {
            problems.Add(new(field, $"{field} may be at most {max} characters, without control characters."));
        }

        return trimmed;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,63}$")]
    private static partial Regex ModePattern();
}
