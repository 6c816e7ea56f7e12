using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;

namespace OperatorConsole.Core.FailureStatus;

/// <summary>The failure-status feature's ledger actions and who may perform them; the reset follows its guarded policy.</summary>
public sealed class FailureStatusActions(GuardedActionPolicies policies) : IActionRules
{
    public const string Report = "failure-status.report";

    /// <summary>The query for a reset to NORMAL; its ledger entries are the guarded request and confirmation.</summary>
    public const string Reset = "failure-status.reset";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Report, FailureStatusService.Reporters, "report a failure status"),
        ActionRule.Only(Reset, policies.Get(GuardedActionTypes.ResetFailureStatus).RequiredRole, "reset the failure status"),
    ];
}
