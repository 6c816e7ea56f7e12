using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.KillSwitches;

/// <summary>
/// The kill-switch feature's ledger actions and who may perform them. A flip is not lockdown-gated as a whole: flipping
/// toward the safe state stays allowed in lockdown, flipping away is refused by the service.
/// </summary>
public sealed class KillSwitchActions : IActionRules
{
    public const string Create = "kill-switch.create";
    public const string Edit = "kill-switch.edit";
    public const string Flip = "kill-switch.flip";
    public const string Validate = "kill-switch.validate";
    public const string Drill = "kill-switch.drill";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Create, KillSwitchService.Admins, "create kill switches", lockdownGated: true),
        ActionRule.Only(Edit, KillSwitchService.Admins, "edit kill switches", lockdownGated: true),
        ActionRule.Only(Flip, KillSwitchService.Flippers, "flip a kill switch"),
        ActionRule.Only(Validate, KillSwitchService.Flippers, "record a switch's validation"),
        ActionRule.Only(Drill, KillSwitchService.Flippers, "drill a kill switch", lockdownGated: true),
    ];
}
