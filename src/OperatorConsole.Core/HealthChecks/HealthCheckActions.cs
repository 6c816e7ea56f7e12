using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.HealthChecks;

/// <summary>Ledger actions of scheduled health checks. Single results are history, not ledger entries; alert transitions are.</summary>
public sealed class HealthCheckActions : IActionRules
{
    public const string Create = "health-check.create";
    public const string Edit = "health-check.edit";
    public const string Delete = "health-check.delete";
    public const string RunNow = "health-check.run";
    public const string DemoFailure = "health-check.demo-failure";
    public const string AlertRaised = "health-check.alert-raised";
    public const string AlertResolved = "health-check.alert-resolved";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Create, ScheduledCheckService.Editors, "create health checks", lockdownGated: true),
        ActionRule.Only(Edit, ScheduledCheckService.Editors, "edit health checks", lockdownGated: true),
        ActionRule.Only(Delete, ScheduledCheckService.Editors, "delete health checks", lockdownGated: true),
        ActionRule.Only(RunNow, ScheduledCheckService.Runners, "run a health check now"),
        ActionRule.Only(DemoFailure, ScheduledCheckService.Runners, "start a demo failure"),
    ];
}

/// <summary>Event kinds on <see cref="Live.Topics.HealthChecks"/>.</summary>
public static class HealthCheckEvents
{
    public const string Created = "health-check.created";
    public const string Edited = "health-check.edited";
    public const string Deleted = "health-check.deleted";
    public const string Result = "health-check.result";
    public const string Alert = "health-check.alert";
    public const string Demo = "health-check.demo";
}
