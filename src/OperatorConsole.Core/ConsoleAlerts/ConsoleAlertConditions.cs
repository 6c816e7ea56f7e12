using Microsoft.Extensions.Options;
using OperatorConsole.Core.Alerts;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Rollback;

namespace OperatorConsole.Core.ConsoleAlerts;

/// <summary>
/// The conditions under which the console alerts about itself, read from its own state: a kill switch activated (engaged
/// away from its default; 004's "Kill-switch activation"), a rollback whose objective timer ran out before its step was
/// done (drills excluded: a drill records a miss as its outcome and pages nobody). Each condition is one alert whose
/// fingerprint and start follow from the state, so re-sending it after a restart changes nothing at the intake.
/// </summary>
public sealed class ConsoleAlertConditions(ChangeRunner changes, IOptions<RollbackOptions> rollback)
{
    public const string KillSwitchActivation = "KillSwitchActivation";
    public const string RollbackTimerBreached = "RollbackTimerBreached";
    public const string LedgerVerificationFailed = "LedgerVerificationFailed";

    public IReadOnlyList<IncomingAlert> KillSwitches() => changes.Store.Read(s => s.KillSwitches.All())
        .Where(k => k.On && !k.DefaultOn)
        .Select(k => Firing(
            KillSwitchActivation, $"console:kill-switch:{k.Id}", k.LastChange?.At ?? changes.Now, "SEV-2",
            $"Kill switch {k.Id} is activated" + (k.LastChange is { } change ? $" by {change.ActorName}: {change.Reason}" : "."),
            ("switch", k.Key), ("scope", k.Scope)))
        .ToList();

    public IReadOnlyList<IncomingAlert> RollbackTimersRunOut()
    {
        var now = changes.Now;
        var amber = rollback.Value.AmberFraction;
        return changes.Store.Read(s => s.Rollbacks.List())
            .Where(r => !r.Drill && r.Status == RollbackStatus.Running)
            .SelectMany(r => new[] { RollbackTimers.SafeState(r, now, amber), RollbackTimers.Integrity(r, now, amber) }
                .Where(t => t.Status == TimerStatus.Red)
                .Select(t => Firing(
                    RollbackTimerBreached, $"console:rollback:{r.Id}:{Slug(t.Name)}", r.BadPublishConfirmedAt + t.Limit, "SEV-1",
                    $"Rollback {r.Id} of {r.ScopeId}: '{t.Name}' passed its {t.Limit.TotalMinutes:0}-minute objective.",
                    ("rollback", r.Id), ("scope", r.ScopeId), ("timer", Slug(t.Name)))))
            .ToList();
    }

    public static IncomingAlert LedgerFailing(DateTimeOffset since, string problem) =>
        Firing(LedgerVerificationFailed, "console:ledger-verification", since, "SEV-1", $"The audit ledger fails verification: {problem}");

    public static IncomingAlert Firing(string alertName, string fingerprint, DateTimeOffset startsAt, string severity, string summary,
        params (string Name, string Value)[] labels)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = alertName, ["severity"] = severity };
        foreach (var (name, value) in labels)
        {
            all[name] = value;
        }

        return new IncomingAlert(IncomingAlert.Firing, all, new Dictionary<string, string>(StringComparer.Ordinal) { ["summary"] = summary },
            startsAt, null, null, fingerprint);
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');
}
