using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Incidents;

public sealed partial class IncidentService
{
    public async Task<Incident> SetSeverityAsync(Actor actor, string id, IncidentSeverity severity, string reason)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.SetSeverity, $"incident:{id}");
            Defined(severity, "severity");
            var why = Text(reason, "A reason for the severity change", MaxTextLength);

            var incident = Load(c, id);
            if (incident.Severity == severity)
            {
                throw new DomainValidationException($"{incident.Id} is already {IncidentCatalog.Label(severity)}.");
            }

            var changed = incident with { Severity = severity };
            Save(c, changed, IncidentActions.SetSeverity, new { from = incident.Severity, to = severity, reason = why });
            IncidentTimeline.Append(c, id, TimelineKinds.Severity,
                $"{IncidentCatalog.Label(incident.Severity)} → {IncidentCatalog.Label(severity)}", why);
            return changed;
        });
    }

    public async Task<Incident> SetClassAsync(Actor actor, string id, IncidentClass incidentClass)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.SetClass, $"incident:{id}");
            Defined(incidentClass, "incident class");

            var incident = Load(c, id);
            var changed = incident with { Class = incidentClass, ClosureConfirmedAt = null, ClosureConfirmedBy = null };
            Save(c, changed, IncidentActions.SetClass, new { from = incident.Class, to = incidentClass });
            IncidentTimeline.Append(c, id, TimelineKinds.Decision,
                $"Class set to {IncidentCatalog.Info(incidentClass).Name}", "Any earlier closure confirmation no longer applies.");
            return changed;
        });
    }

    public async Task<Incident> TickObligationAsync(Actor actor, string id, string obligationKey)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.TickObligation, $"incident:{id}");
            var incident = Load(c, id);
            var obligation = IncidentCatalog.Obligations[incident.Severity].FirstOrDefault(o => o.Key == obligationKey)
                ?? throw new DomainValidationException($"'{obligationKey}' is not a required response of {IncidentCatalog.Label(incident.Severity)}.");
            if (incident.TickedObligations.Contains(obligationKey))
            {
                throw new ConflictException($"“{obligation.Text}” is already ticked.");
            }

            var entry = c.Record(IncidentActions.TickObligation, $"incident:{id}", new { obligation = obligationKey });
            var changed = IncidentObligations.WithTick(incident, new ObligationTick(obligationKey, c.Now, c.Actor.DisplayName, Automatic: false, IncidentObligations.ByHand, entry.Sequence));
            c.Session.Incidents.Upsert(changed);
            c.Publish(Live.Topics.Incidents, IncidentActions.TickObligation, id, changed.Title, entry.Sequence);
            IncidentTimeline.Append(c, id, TimelineKinds.Obligation, $"Done: {obligation.Text}");
            return changed;
        });
    }

    public async Task<TimelineEntry> AddNoteAsync(Actor actor, string id, string note)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.Note, $"incident:{id}");
            var text = Text(note, "The note", MaxTextLength);

            var entry = IncidentTimeline.Append(c, id, TimelineKinds.Note, text);
            c.Record(IncidentActions.Note, $"incident:{id}", new { entry = entry.Id, length = text.Length });
            return entry;
        });
    }

    /// <summary>The owner's decision log: what was decided and why.</summary>
    public async Task<TimelineEntry> RecordDecisionAsync(Actor actor, string id, string decision, string rationale)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.Decision, $"incident:{id}");
            var what = Text(decision, "The decision", MaxTextLength);
            var why = Text(rationale, "The rationale", MaxTextLength);

            var entry = IncidentTimeline.Append(c, id, TimelineKinds.Decision, what, why);
            c.Record(IncidentActions.Decision, $"incident:{id}", new { decision = what, rationale = why });
            return entry;
        });
    }

    public async Task<TimelineEntry> SetPinnedAsync(Actor actor, string id, string entryId, bool pinned)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.Pin, $"incident:{id}");
            var entry = c.Session.Incidents.TimelineEntry(entryId);
            if (entry is null || entry.IncidentId != id)
            {
                throw new NotFoundException($"{id} has no timeline entry '{entryId}'.");
            }

            var changed = entry with { Pinned = pinned };
            c.Session.Incidents.Upsert(changed);
            c.Record(IncidentActions.Pin, $"incident:{id}/{entryId}", new { pinned });
            c.Publish(Live.Topics.Incident(id), IncidentEvents.Timeline, entryId, pinned ? "pinned" : "unpinned");
            return changed;
        });
    }
}
