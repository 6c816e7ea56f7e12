using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Incidents;

public sealed partial class IncidentService
{
    /// <summary>
    /// Moves forward along the lifecycle. On-call may acknowledge and contain; the owner moves further. The person who
    /// acknowledges becomes the owner unless one is set; reaching Contained ticks "Contain immediately". Closing a SEV-1
    /// with a required response open needs <paramref name="obligationOverride"/>: a reason, ledgered as its own action.
    /// </summary>
    public async Task<Incident> MoveAsync(Actor actor, string id, IncidentStatus to, string? reason = null, string? obligationOverride = null)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.MoveTo(to), IncidentActions.Move, $"incident:{id}");
            Defined(to, "status");

            var incident = Load(c, id);
            if (!IncidentLifecycle.CanMove(incident.Status, to))
            {
                throw new DomainValidationException(
                    $"{incident.Id} is {incident.Status}; it can only move forward (reopen a resolved or closed incident instead).");
            }

            var note = Optional(reason, "Reason", MaxTextLength);
            if (to == IncidentStatus.Closed)
            {
                EnsureClosable(c, incident);
                OverrideOpenObligations(c, incident, obligationOverride);
            }

            var owner = incident.Status == IncidentStatus.Detected && incident.OwnerId is null && IsPerson(c.Actor)
                ? new IncidentPerson(c.Actor.Id, c.Actor.DisplayName)
                : null;
            var moved = incident with
            {
                Status = to,
                Owner = owner?.Name ?? incident.Owner,
                OwnerId = owner?.Id ?? incident.OwnerId,
                Transitions = [.. incident.Transitions, new StatusChange(incident.Status, to, c.Now, c.Actor.DisplayName, note)],
            };
            var entry = Save(c, moved, IncidentActions.Move, new { from = incident.Status, to, reason = note, owner = owner?.Id });
            IncidentTimeline.Append(c, id, TimelineKinds.Status, $"{incident.Status} → {to}", note);
            if (owner is not null)
            {
                IncidentTimeline.Append(c, id, TimelineKinds.Assignment, $"Owner: {owner.Name}", "Took ownership by acknowledging");
            }

            return to >= IncidentStatus.Contained
                ? IncidentObligations.Seen(c, moved, ObligationSignal.Containment, $"{incident.Id} moved to {to}", entry.Sequence)
                : moved;
        });
    }

    /// <summary>
    /// Refuses (with the denial ledgered) to close a SEV-1 whose required responses are not all ticked, unless the closer
    /// gives a reason to override; the override is its own ledger entry and timeline line, committed with the close.
    /// </summary>
    private static void OverrideOpenObligations(Change c, Incident incident, string? obligationOverride)
    {
        if (!IncidentObligations.CloseNeedsOverride(incident))
        {
            return;
        }

        var open = IncidentObligations.Open(incident);
        var openText = string.Join("; ", open.Select(o => $"“{o.Text}”"));
        if (string.IsNullOrWhiteSpace(obligationOverride))
        {
            c.Refuse(IncidentActions.Move, $"incident:{incident.Id}", new { to = IncidentStatus.Closed, openObligations = open.Select(o => o.Key) },
                new ConfirmationRequiredException(
                    $"{incident.Id} is SEV-1 and these required responses are still open: {openText}. Tick them, or close with an override and a reason."));
        }

        c.Require(IncidentObligations.CloseOverrideAction, $"incident:{incident.Id}");
        var why = Text(obligationOverride, "The reason for the override", MaxTextLength);
        c.Record(IncidentObligations.CloseOverrideAction, $"incident:{incident.Id}", new { openObligations = open.Select(o => o.Key), reason = why });
        IncidentTimeline.Append(c, incident.Id, TimelineKinds.Closure, $"Closed with required responses open: {openText}", why);
    }

    /// <summary>A signed-in person, not an API key acting for a service nor the console itself: only people own incidents.</summary>
    private static bool IsPerson(Actor actor) =>
        actor.Id != Actor.System.Id && !actor.Id.StartsWith(Users.ApiKey.ActorIdPrefix, StringComparison.Ordinal);

    /// <summary>Reopens a resolved or closed incident; the reason is required and stays on the timeline.</summary>
    public async Task<Incident> ReopenAsync(Actor actor, string id, string reason)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.Reopen, $"incident:{id}");
            var why = Text(reason, "A reason to reopen", MaxTextLength);

            var incident = Load(c, id);
            if (!IncidentLifecycle.CanReopen(incident.Status))
            {
                throw new DomainValidationException($"{incident.Id} is still open ({incident.Status}).");
            }

            var reopened = incident with
            {
                Status = IncidentLifecycle.ReopensAt,
                ClosureConfirmedBy = null,
                ClosureConfirmedAt = null,
                Transitions = [.. incident.Transitions, new StatusChange(incident.Status, IncidentLifecycle.ReopensAt, c.Now, c.Actor.DisplayName, why)],
            };
            Save(c, reopened, IncidentActions.Reopen, new { from = incident.Status, reason = why });
            IncidentTimeline.Append(c, id, TimelineKinds.Status, $"Reopened from {incident.Status}", why);
            return reopened;
        });
    }

    /// <summary>The owner confirms the class's closure condition holds.</summary>
    public async Task<Incident> ConfirmClosureConditionAsync(Actor actor, string id)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.ConfirmClosure, $"incident:{id}");
            var incident = Load(c, id);
            var confirmed = incident with { ClosureConfirmedBy = c.Actor.DisplayName, ClosureConfirmedAt = c.Now };
            var condition = IncidentCatalog.Info(incident.Class).ClosureCondition;
            Save(c, confirmed, IncidentActions.ConfirmClosure, new { condition });
            IncidentTimeline.Append(c, id, TimelineKinds.Closure, "Closure condition confirmed", condition);
            return confirmed;
        });
    }

    /// <summary>What still stands between the incident and Closed; empty when it may close.</summary>
    public IReadOnlyList<string> ClosureBlockers(string id) =>
        changes.Store.Read(s =>
        {
            var incident = s.Incidents.Get(id) ?? throw new NotFoundException($"No incident '{id}'.");
            return Blockers(incident, s.Incidents.Evidence(id).Count);
        });

    /// <summary>The closure gate: read in the closing write, so evidence or a confirmation cannot vanish in between.</summary>
    private static void EnsureClosable(Change c, Incident incident)
    {
        var blockers = Blockers(incident, c.Session.Incidents.Evidence(incident.Id).Count);
        if (blockers.Count > 0)
        {
            c.Refuse(IncidentActions.Move, $"incident:{incident.Id}", new { to = IncidentStatus.Closed, blockers },
                new DomainValidationException($"{incident.Id} cannot close yet: {string.Join(" ", blockers)}"));
        }
    }

    private static List<string> Blockers(Incident incident, int evidenceCount)
    {
        var blockers = new List<string>();
        if (incident.Status is not (IncidentStatus.Resolved or IncidentStatus.Closed))
        {
            blockers.Add($"It must be Resolved first (it is {incident.Status}).");
        }

        if (evidenceCount == 0)
        {
            blockers.Add("Record at least one complete evidence record.");
        }

        if (incident.ClosureConfirmedAt is null)
        {
            blockers.Add($"The owner must confirm the closure condition: “{IncidentCatalog.Info(incident.Class).ClosureCondition}”");
        }

        return blockers;
    }
}
