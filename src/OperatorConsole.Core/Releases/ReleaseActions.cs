using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Releases;

/// <summary>The release feature's ledger actions and who may perform them.</summary>
public sealed class ReleaseActions : IActionRules
{
    public const string Register = "release.register";
    public const string SetCandidate = "release.set-candidate";
    public const string ShadowReport = "release.shadow-report";
    public const string SetCanary = "release.set-canary";
    public const string Retire = "release.retire";
    public const string Promote = "release.promote";
    public const string Rollback = "release.rollback";

    /// <summary>Demo only; the cycles themselves are ledgered as <see cref="ShadowReport"/>, as a service's report is.</summary>
    public const string SimulateShadow = "release.simulate-shadow";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Register, ReleaseService.Publishers, "register a release", lockdownGated: true),
        ActionRule.Only(SetCandidate, ReleaseService.Publishers, "set a release candidate", lockdownGated: true),
        ActionRule.Only(ShadowReport, ReleaseService.Reporters, "report shadow cycles"),
        ActionRule.Only(SetCanary, ReleaseService.Publishers, "set a canary", lockdownGated: true),
        ActionRule.Only(Retire, ReleaseService.Publishers, "retire a release"),
        ActionRule.Only(Promote, ReleaseService.Publishers, "promote a release", lockdownGated: true),
        ActionRule.Only(Rollback, ReleaseService.RollbackRoles, "roll a release back"),
        ActionRule.Only(SimulateShadow, Role.ReleaseOwner, "simulate shadow cycles in the demo"),
    ];
}
