using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Incidents;

/// <summary>
/// The post-incident record: the incident owner writes it; a follow-up's own owner may tick it done.
/// Every save is a ledger entry and a timeline entry, and tells the incident and list watchers.
/// </summary>
public sealed class PostIncidentService(ChangeRunner changes)
{
    public const Role Editors = Role.IncidentOwner;

    /// <summary>Anyone who may change something at all; a Viewer named as a follow-up owner still may not.</summary>
    public const Role Actors = Role.OnCall | Role.IncidentOwner | Role.ReleaseOwner | Role.Admin;

    public PostIncidentRecord? Get(string incidentId) => changes.Store.Read(s => s.PostIncidents.Get(incidentId));

    /// <summary>The saved record as a draft, or a fresh one whose summary and timeline come from the incident.</summary>
    public PostIncidentDraft Draft(string incidentId) => changes.Store.Read(s =>
    {
        var incident = s.Incidents.Get(incidentId) ?? throw new NotFoundException($"No incident '{incidentId}'.");
        return s.PostIncidents.Get(incidentId) is { } saved
            ? PostIncidentDraft.From(saved)
            : PostIncidentPrefill.From(incident, s.Incidents.Timeline(incidentId));
    });

    public async Task<PostIncidentRecord> SaveAsync(Actor actor, string incidentId, PostIncidentDraft draft)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(PostIncidentActions.Save, $"incident:{incidentId}");
            var incident = c.Session.Incidents.Get(incidentId) ?? throw new NotFoundException($"No incident '{incidentId}'.");
            var problems = draft.Problems(DateOnly.FromDateTime(incident.OpenedAt.UtcDateTime));
            if (problems.Count > 0)
            {
                throw new DomainValidationException(string.Join(" ", problems));
            }

            var before = c.Session.PostIncidents.Get(incidentId);
            var record = Build(c, incidentId, draft, before);
            c.Session.PostIncidents.Upsert(record);
            var entry = c.Record(PostIncidentActions.Save, $"incident:{incidentId}",
                new { revision = record.Revision, complete = record.IsComplete, followUps = record.FollowUps.Count });
            IncidentTimeline.Append(c, incidentId, TimelineKinds.PostIncident,
                $"Post-incident record saved (revision {record.Revision}, {(record.IsComplete ? "complete" : "incomplete")})",
                record.IsComplete ? null : string.Join(" ", PostIncidentRecord.Gaps(record.Summary, record.RootCause)));
            c.Publish(Topics.Incidents, IncidentEvents.PostIncident, incidentId, incident.Title, entry.Sequence);
            return record;
        });
    }

    /// <summary>Ticks a follow-up done (or re-opens it). Its owner may, by display name or user id, as may an incident owner.</summary>
    public async Task<FollowUp> SetFollowUpDoneAsync(Actor actor, string incidentId, string followUpId, bool done = true)
    {
        var subject = $"incident:{incidentId}/follow-up:{followUpId}";
        return await changes.RunAsync(actor, c =>
        {
            c.Require(PostIncidentActions.FollowUpDone, subject);
            var record = c.Session.PostIncidents.Get(incidentId) ?? throw new NotFoundException($"{incidentId} has no post-incident record.");
            var followUp = record.FollowUps.FirstOrDefault(f => f.Id == followUpId)
                ?? throw new NotFoundException($"{incidentId} has no follow-up '{followUpId}'.");
            if (!c.Holds(Editors) && !IsOwner(c.Actor, followUp))
            {
                c.Refuse(PostIncidentActions.FollowUpDone, subject, new { reason = $"requires {Editors} or owning the follow-up" },
                    new AccessDeniedException($"Only incident owners and the follow-up's owner can tick “{followUp.Text}”."));
            }

            if (followUp.Done == done)
            {
                throw new ConflictException($"“{followUp.Text}” is already {(done ? "done" : "open")}.");
            }

            var changed = followUp with { Done = done, DoneBy = done ? c.Actor.DisplayName : null, DoneAt = done ? c.Now : null };
            c.Session.PostIncidents.Upsert(record with { FollowUps = [.. record.FollowUps.Select(f => f.Id == followUpId ? changed : f)] });
            var entry = c.Record(PostIncidentActions.FollowUpDone, subject, new { done, text = followUp.Text });
            IncidentTimeline.Append(c, incidentId, TimelineKinds.PostIncident, $"Follow-up {(done ? "done" : "reopened")}: {followUp.Text}");
            c.Publish(Topics.Incidents, IncidentEvents.FollowUp, incidentId, followUp.Text, entry.Sequence);
            return changed;
        });
    }

    /// <summary>Every follow-up not yet done, across incidents, soonest due first; overdue means due before today (UTC).</summary>
    public IReadOnlyList<OpenFollowUp> OpenFollowUps()
    {
        var today = DateOnly.FromDateTime(changes.Now.UtcDateTime);
        return changes.Store.Read(s =>
        {
            var open = new List<OpenFollowUp>();
            foreach (var record in s.PostIncidents.WithOpenFollowUps())
            {
                var title = s.Incidents.Get(record.IncidentId)?.Title ?? record.IncidentId;
                open.AddRange(record.FollowUps.Where(f => !f.Done)
                    .Select(f => new OpenFollowUp(record.IncidentId, title, f.Id, f.Text, f.Owner, f.Due, f.Due < today)));
            }

            return (IReadOnlyList<OpenFollowUp>)[.. open.OrderBy(f => f.Due).ThenBy(f => f.IncidentId, StringComparer.Ordinal)];
        });
    }

    /// <summary>The Markdown export, or null when the incident does not exist.</summary>
    public string? ExportMarkdown(string incidentId) => changes.Store.Read(s =>
        s.Incidents.Get(incidentId) is { } incident ? PostIncidentMarkdown.Render(incident, s.PostIncidents.Get(incidentId)) : null);

    private static bool IsOwner(Actor actor, FollowUp f) =>
        string.Equals(f.Owner, actor.DisplayName, StringComparison.OrdinalIgnoreCase) || string.Equals(f.Owner, actor.Id, StringComparison.OrdinalIgnoreCase);

    private static PostIncidentRecord Build(Change c, string incidentId, PostIncidentDraft draft, PostIncidentRecord? before)
    {
        // Done state comes from the stored row, never from the form: a stale form must not undo a tick.
        var stored = before?.FollowUps.ToDictionary(f => f.Id) ?? [];
        var followUps = draft.FollowUps.Select(f =>
        {
            var kept = f.Id is not null && stored.TryGetValue(f.Id, out var s) ? s : null;
            return new FollowUp
            {
                Id = kept?.Id ?? Guid.NewGuid().ToString("N")[..12],
                Text = f.Text!.Trim(),
                Owner = f.Owner!.Trim(),
                Due = f.Due!.Value,
                Done = kept?.Done ?? false,
                DoneBy = kept?.DoneBy,
                DoneAt = kept?.DoneAt,
            };
        }).ToList();
        return new PostIncidentRecord
        {
            IncidentId = incidentId,
            Summary = Clean(draft.Summary),
            Impact = Clean(draft.Impact),
            RootCause = Clean(draft.RootCause),
            ContributingFactors = Clean(draft.ContributingFactors),
            WentWell = Clean(draft.WentWell),
            WentBadly = Clean(draft.WentBadly),
            Timeline = [.. draft.Timeline.OrderBy(m => m.At)],
            FollowUps = followUps,
            Revision = (before?.Revision ?? 0) + 1,
            UpdatedBy = c.Actor.DisplayName,
            UpdatedAt = c.Now,
        };
    }

    private static string Clean(string? value) => value?.Trim() ?? string.Empty;
}
