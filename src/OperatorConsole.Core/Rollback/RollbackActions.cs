using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Rollback;

/// <summary>The rollback feature's ledger actions and who may perform them.</summary>
public sealed class RollbackActions : IActionRules
{
    public const string Start = "rollback.start";
    public const string Drill = "rollback.drill";
    public const string ConfirmTargets = "rollback.confirm-targets";
    public const string RequestRebind = "rollback.request-rebind";
    public const string Rebind = "rollback.rebind";
    public const string VerifyChecksums = "rollback.verify-checksums";
    public const string Probe = "rollback.probe";

    /// <summary>The action of a checklist step a person performs (2–5); null for the steps the console fills itself.</summary>
    public static string? ForStep(int number) => number switch
    {
        RollbackSteps.ConfirmTargets => ConfirmTargets,
        RollbackSteps.Rebind => Rebind,
        RollbackSteps.Checksums => VerifyChecksums,
        RollbackSteps.Probe => Probe,
        _ => null,
    };

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Start, RollbackService.Operators, "start a rollback"),
        ActionRule.Only(Drill, RollbackService.Operators, "start a rollback drill"),
        ActionRule.Only(ConfirmTargets, RollbackService.Operators, "confirm a rollback's targets"),
        ActionRule.Only(RequestRebind, RollbackService.Operators, "ask to rebind a scope during a rollback"),
        ActionRule.Only(Rebind, RollbackService.Operators, "rebind a scope during a rollback"),
        ActionRule.Only(VerifyChecksums, RollbackService.Operators, "verify a rollback's checksums"),
        ActionRule.Only(Probe, RollbackService.Operators, "probe a rolled-back scope"),
    ];
}
