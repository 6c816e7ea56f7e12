using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runs;

/// <summary>The run feature's ledger actions and who may perform them.</summary>
public sealed class RunActions : IActionRules
{
    public const string Start = "run.start";
    public const string CheckStep = "run.check-step";
    public const string Probe = "run.probe";
    public const string Complete = "run.complete";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Start, RunService.Operators, "run a runbook"),
        ActionRule.Only(CheckStep, RunService.Operators, "check off a run's steps"),
        ActionRule.Only(Probe, RunService.Operators, "run a step's probe"),
        ActionRule.Only(Complete, RunService.Operators, "complete a run"),
    ];
}
