using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;

namespace OperatorConsole.Core.Alerts;

/// <summary>The alert feature's ledger actions and live event kinds (on <see cref="Live.Topics.Alerts"/>).</summary>
public sealed class AlertActions : IActionRules
{
    public const string Receive = "alert.receive";
    public const string OpenIncident = "alert.open-incident";
    public const string LinkRunbook = "alert.link-runbook";
    public const string RuleSave = "alert-rule.save";
    public const string RuleDelete = "alert-rule.delete";
    public const string Silence = "alert.silence";
    public const string SilenceExpire = "alert.silence-expire";

    public const string Received = "alert.received";
    public const string Resolved = "alert.resolved";
    public const string Delivered = "alert.delivery";
    public const string Routed = "alert.routed";
    public const string RulesChanged = "alert-rule.changed";
    public const string SilencesChanged = "alert.silences";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Receive, AlertIntake.Posters, "post alerts"),
        ActionRule.Only(OpenIncident, IncidentService.Responders, "open an incident from an alert"),
        ActionRule.Only(RuleSave, AlertRuleService.Editors, "change alert rules", lockdownGated: true),
        ActionRule.Only(Silence, IncidentService.Responders, "silence alerts"),
        ActionRule.Only(SilenceExpire, IncidentService.Responders, "expire alert silences"),
    ];
}
