using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Incidents;

public sealed partial class IncidentService
{
    /// <summary>
    /// A draft filled from what the console knows: time, scope, trigger, the person, and the actions on the timeline,
    /// read by kind from the store so a long timeline of notes is never read for it.
    /// </summary>
    public EvidenceDraft Prefill(Actor actor, string id)
    {
        var (incident, actions) = changes.Store.Read(s =>
        {
            var found = s.Incidents.Get(id) ?? throw new NotFoundException($"No incident '{id}'.");
            return (found, s.Incidents.TimelineOfKinds(id, ContainmentKinds).Select(e => e.Text).ToList());
        });
        return new EvidenceDraft
        {
            Timestamp = changes.Now,
            Scope = string.Join(", ", incident.Scopes),
            TriggerSource = incident.TriggerSource,
            FailureMode = IncidentCatalog.Info(incident.Class).Definition,
            ContainmentAction = actions.Count == 0 ? null : string.Join("; ", actions),
            OperatorOrOwner = actor.DisplayName,
        };
    }

    public async Task<EvidenceRecord> RecordEvidenceAsync(Actor actor, string id, EvidenceDraft draft)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.Evidence, $"incident:{id}");
            var problems = draft.FieldProblems();
            if (problems.Count > 0)
            {
                throw DomainValidationException.ForFields(problems);
            }

            Load(c, id);
            var record = new EvidenceRecord
            {
                Id = Guid.NewGuid().ToString("N")[..12],
                IncidentId = id,
                Timestamp = draft.Timestamp!.Value.ToUniversalTime(),
                Scope = draft.Scope!.Trim(),
                TriggerSource = draft.TriggerSource!.Trim(),
                FailureMode = draft.FailureMode!.Trim(),
                ContainmentAction = draft.ContainmentAction!.Trim(),
                RollbackOrKillSwitchAction = string.IsNullOrWhiteSpace(draft.RollbackOrKillSwitchAction) ? null : draft.RollbackOrKillSwitchAction.Trim(),
                VerificationResult = draft.VerificationResult!.Trim(),
                OperatorOrOwner = draft.OperatorOrOwner!.Trim(),
                FollowUp = draft.FollowUp!.Trim(),
                RecordedBy = c.Actor.DisplayName,
                RecordedAt = c.Now,
            };
            c.Session.Incidents.Add(record);
            c.Record(IncidentActions.Evidence, $"incident:{id}/evidence:{record.Id}", record);
            IncidentTimeline.Append(c, id, TimelineKinds.Evidence, $"Evidence recorded: {record.FailureMode}", record.VerificationResult);
            return record;
        });
    }
}
