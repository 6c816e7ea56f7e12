using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.GuardedActions;

/// <summary>
/// The guarded-action settings' rule. Requesting and confirming a guarded action follow each type's configured policy
/// and are declared by the feature the type belongs to (lockdown release, scope rebind).
/// </summary>
public sealed class GuardedActionRules : IActionRules
{
    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(GuardedActionService.PolicyAction, Role.Admin, "change guarded-action settings", lockdownGated: true),
    ];
}
