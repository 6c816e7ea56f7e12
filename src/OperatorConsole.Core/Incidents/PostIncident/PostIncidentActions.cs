using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Incidents;

/// <summary>The post-incident record's ledger actions and who may perform them.</summary>
public sealed class PostIncidentActions : IActionRules
{
    public const string Save = "incident.post-incident.save";
    public const string FollowUpDone = "incident.follow-up.done";

    public IEnumerable<ActionRule> Rules =>
    [
        ActionRule.Only(Save, PostIncidentService.Editors, "edit a post-incident record"),
        ActionRule.Only(FollowUpDone, PostIncidentService.Actors, "tick follow-ups"),
    ];
}
