using OperatorConsole.Core.FailureStatus;
using OperatorConsole.Core.Lockdown;
using OperatorConsole.Core.Releases;

namespace OperatorConsole.Web.Features.Commands;

/// <summary>
/// HEARTBEAT: what the console knows about a model slot — active model, last known good, candidate with its shadow
/// progress, canary ratio, failure_status, lockdown — in 001's fields. A serving service that also sends "cycles"
/// (with an OnCall or ReleaseOwner key) reports that many shadow cycles run against the candidate first, optionally
/// with "metrics" (name → number), which the console then shows as online_ml_metrics.
/// </summary>
public sealed class HeartbeatCommand(ReleaseService releases, FailureStatusService failureStatus, LockdownService lockdown) : ICommandHandler
{
    public const string Heartbeat = "HEARTBEAT";

    public IReadOnlyCollection<string> Types { get; } = [Heartbeat];

    public async Task<IResult> HandleAsync(CommandRequest command)
    {
        var scope = command.Text("scope");
        var cycles = command.Number("cycles");
        if (cycles is not null)
        {
            await releases.ReportShadowCyclesAsync(command.Actor, scope, ModelCommands.WholeNumber(cycles, "cycles"), MetricsOf(command), command.OperatorId);
        }

        var status = releases.Status(scope);
        var candidate = status.Candidate;
        var reported = candidate?.LastShadowReport ?? status.Production?.LastShadowReport;
        var locked = lockdown.Active();
        return CommandResults.Ok(new
        {
            status = "OK",
            scope = status.ScopeId,
            active_model = ModelView.Of(status).ActiveModel,
            last_known_good = status.LastKnownGood?.Version,
            candidate = candidate is null ? null : ModelView.Of(candidate),
            canary_ratio = candidate?.CanaryRatio ?? 0,
            failure_status = failureStatus.Current(),
            lockdown = new { active = locked is not null, since = locked?.EngagedAt, by = locked?.EngagedByName, reason = locked?.Reason },
            monitoring = new
            {
                binding_version = status.BindingVersion,
                shadow_cycles = candidate?.ShadowCycles,
                shadow_target = candidate?.ShadowTarget,
                shadow_complete = candidate?.ShadowComplete,
                post_deploy_check = status.Production?.PostDeployCheck,
            },
            online_ml_metrics = new
            {
                source = "the last shadow-cycle report of a serving service",
                reported_at = reported?.At,
                reported_by = reported?.ReportedBy,
                metrics = reported?.Metrics ?? new Dictionary<string, double>(),
            },
        });
    }

    private static Dictionary<string, double>? MetricsOf(CommandRequest command)
    {
        if (command.Object("metrics") is not { } metrics)
        {
            return null;
        }

        return metrics.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Number
                ? p.Value.GetDouble()
                : throw Core.Common.DomainValidationException.ForFields([new Core.Common.FieldProblem("metrics", $"metrics.{p.Name} must be a number.")]),
            StringComparer.Ordinal);
    }
}
