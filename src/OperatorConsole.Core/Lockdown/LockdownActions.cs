using OperatorConsole.Core.Common;
using OperatorConsole.Core.GuardedActions;

namespace OperatorConsole.Core.Lockdown;

/// <summary>The lockdown feature's ledger actions and who may perform them; releasing follows its guarded policy.</summary>
public sealed class LockdownActions(GuardedActionPolicies policies) : IActionRules
{
    public const string Engage = "lockdown.engage";
    public const string SettingsRead = "lockdown.settings.read";
    public const string Settings = "lockdown.settings";

    /// <summary>The query for a release; its ledger entries are the guarded request and confirmation.</summary>
    public const string Release = "lockdown.release";

    /// <summary>Recorded when a release is requested under four eyes; no rule of its own, the release's applies.</summary>
    public const string ReleaseRequest = "lockdown.release-request";

    /// <summary>Recorded when the console itself posts an engaged lockdown to the alert webhook.</summary>
    public const string AlertWebhook = "lockdown.alert-webhook";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Engage, LockdownService.Engagers, "engage a lockdown"),
        ActionRule.Only(Release, policies.Get(GuardedActionTypes.ReleaseLockdown).RequiredRole, "release a lockdown"),
        ActionRule.Only(SettingsRead, Role.Admin, "read the lockdown settings"),
        ActionRule.Only(Settings, Role.Admin, "change the lockdown settings", lockdownGated: true),
    ];
}
