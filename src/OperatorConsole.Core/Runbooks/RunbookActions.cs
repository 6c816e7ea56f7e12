using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks;

/// <summary>The runbook feature's ledger actions and who may perform them.</summary>
public sealed class RunbookActions : IActionRules
{
    public const string Import = "runbook.import";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Import, RunbookService.Importers, "import runbooks", lockdownGated: true),
    ];
}
