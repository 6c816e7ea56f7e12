using Microsoft.Extensions.Options;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Core.Persistence;
using OperatorConsole.Core.Rollback;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>
/// 004's no-go rules, evaluated from the console's own data each time they are asked (never stored as a tick). They read
/// an open session, so a write that refuses on the gate sees exactly the data it commits against.
/// </summary>
public sealed class NoGoRules(RollbackObjective objective, IOptions<RollbackOptions> options)
{
    public const string RollbackUnproven = "rollback-unproven";
    public const string KillSwitchesUntested = "kill-switches-untested";
    public const string StalePackAlertingAbsent = "stale-pack-alerting-absent";
    public const string PublishFailuresNotRouted = "publish-failures-not-routed";
    public const string ScopeNotValidated = "scope-not-validated";

    public LaunchGate Evaluate(IStoreSession session, Launch launch, DateTimeOffset now) =>
        new(launch.ScopeId, now,
        [
            Rollback(session, launch.ScopeId, now),
            KillSwitches(session, launch.ScopeId, now),
            Routed(session, IncidentClass.StalePackBreach, StalePackAlertingAbsent, "Stale-pack alerting absent", "stale-pack breaches"),
            Routed(session, IncidentClass.PublishFailure, PublishFailuresNotRouted, "Publish failures not routed visibly", "publish failures"),
            Validated(launch),
        ]);

    /// <summary>
    /// Why widening <paramref name="scopeId"/> with <paramref name="releaseId"/> (promotion, a wider canary) is refused by
    /// an incomplete launch's gate, or null. A launch's own release may still make its first publish while only "scope
    /// not validated" holds, since validating the scope in production needs that publish.
    /// </summary>
    public string? ExpansionRefusal(IStoreSession session, string scopeId, string releaseId, DateTimeOffset now)
    {
        foreach (var launch in session.Launches.List(scopeId).Where(l => !l.IsComplete))
        {
            var holding = Evaluate(session, launch, now).Rules
                .Where(r => r.Holds && (launch.ReleaseId != releaseId || r.Id != ScopeNotValidated)).ToList();
            if (holding.Count > 0)
            {
                return $"NO-GO: launch day of {launch.ReleaseVersion} in {scopeId} is not clear, so expansion is refused. "
                    + string.Join(" ", holding.Select(r => $"{r.Title}: {r.Why}"));
            }
        }

        return null;
    }

    // A drill runs only on a drill-target slot; it proves the rollback path for the scopes that are not drill targets.
    private NoGoRule Rollback(IStoreSession session, string scopeId, DateTimeOffset now)
    {
        var drillTarget = session.Scopes.Get(scopeId)?.DrillTarget == true;
        var proof = objective.Proof(session, now, drillTarget ? scopeId : null);
        return new NoGoRule(RollbackUnproven, "Rollback objective unproven", !proof.Proven, proof.Explanation, "/rollbacks");
    }

    private NoGoRule KillSwitches(IStoreSession session, string scopeId, DateTimeOffset now)
    {
        const string Title = "Kill switches undefined or untested";
        var window = options.Value.DrillProofWindow;
        var switches = session.KillSwitches.All().Where(s => s.Scope == scopeId || s.Scope == KillSwitch.GlobalScope).ToList();
        if (switches.Count == 0)
        {
            return new NoGoRule(KillSwitchesUntested, Title, true, $"No kill switch exists for {scopeId} or globally.", "/kill-switches");
        }

        var untested = switches.Where(s => !s.Tested || s.TestedAt is null || s.TestedAt < now - window).Select(s => s.Id).ToList();
        var why = untested.Count == 0
            ? $"All {switches.Count} kill switches for {scopeId} and global had a drill within {window.TotalDays:0} days."
            : $"No drill within {window.TotalDays:0} days for: {string.Join(", ", untested)}.";
        return new NoGoRule(KillSwitchesUntested, Title, untested.Count > 0, why, "/kill-switches");
    }

    private static NoGoRule Routed(IStoreSession session, IncidentClass incidentClass, string id, string title, string what)
    {
        var rule = session.Alerts.Rules().FirstOrDefault(r => r.Class == incidentClass);
        var why = rule is null
            ? $"No alert-matrix rule routes {what} ({incidentClass}) to an incident."
            : $"Alert rule \"{rule.Name}\" routes {what} to an incident.";
        return new NoGoRule(id, title, rule is null, why, "/admin/alert-rules");
    }

    private static NoGoRule Validated(Launch launch)
    {
        var step = launch.Step(LaunchStepKind.ProductionProbes);
        var why = step.State switch
        {
            LaunchStepState.Passed => $"Production probes of {launch.ScopeId} passed at {step.At:yyyy-MM-dd HH:mm} UTC.",
            LaunchStepState.Failed => $"Production probes of {launch.ScopeId} failed at {step.At:yyyy-MM-dd HH:mm} UTC: {step.Summary}",
            _ => $"Production probes of {launch.ScopeId} have never run for this launch.",
        };
        return new NoGoRule(ScopeNotValidated, "Scope cannot be validated in production", step.State != LaunchStepState.Passed, why, $"/launches/{launch.Id}");
    }
}
