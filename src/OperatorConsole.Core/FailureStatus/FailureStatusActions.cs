using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.FailureStatus;

/// <summary>The failure-status feature's ledger actions and who may perform them.</summary>
public sealed class FailureStatusActions : IActionRules
{
    public const string Report = "failure-status.report";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Report, FailureStatusService.Reporters, "report a failure status"),
    ];
}
