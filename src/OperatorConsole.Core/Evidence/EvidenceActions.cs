using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Evidence;

/// <summary>The evidence feature's ledger actions and who may perform them.</summary>
public sealed class EvidenceActions : IActionRules
{
    public const string Preserve = "incident.preserve-evidence";
    public const string Attach = "incident.attach";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Preserve, EvidenceService.Responders, "preserve an incident's evidence"),
        ActionRule.Only(Attach, EvidenceService.Responders, "attach files to an incident"),
    ];
}
