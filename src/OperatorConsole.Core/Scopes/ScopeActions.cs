using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;

namespace OperatorConsole.Core.Scopes;

/// <summary>
/// The scope feature's ledger actions and who may perform them. A rebind follows its guarded policy and is not
/// lockdown-gated as a whole: returning to the last known good stays allowed in lockdown.
/// </summary>
public sealed class ScopeActions(GuardedActionPolicies policies) : IActionRules
{
    public const string Create = "scope.create";
    public const string RegisterManifest = "scope.register-manifest";
    public const string Rebind = "scope.rebind";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Create, ScopeService.Publishers, "create scopes", lockdownGated: true),
        ActionRule.Only(RegisterManifest, ScopeService.Publishers, "register manifests", lockdownGated: true),
        ActionRule.Only(Rebind, policies.Get(GuardedActionTypes.ScopeRebind).RequiredRole, "rebind a scope"),
    ];
}
