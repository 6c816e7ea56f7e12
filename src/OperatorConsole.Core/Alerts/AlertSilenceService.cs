using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Alerts;

/// <summary>
/// Silences at the source: an on-call silences an incident's Alertmanager alerts for a while (one silence per alert,
/// matching its labels exactly), and may expire them early. Each is ledgered and shown on the incident's timeline.
/// </summary>
public sealed class AlertSilenceService(ChangeRunner changes, AlertmanagerClient alertmanager)
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    public bool IsConfigured => alertmanager.IsConfigured;

    public IReadOnlyList<AlertSilence> ForIncident(string incidentId) => changes.Store.Read(s => s.Alerts.Silences(incidentId));

    public async Task<IReadOnlyList<AlertSilence>> SilenceAsync(Actor actor, string incidentId, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var subject = $"incident:{incidentId}";
        await changes.CheckAsync(actor, c => c.Require(AlertActions.Silence, subject), cancellationToken);
        if (duration < MinDuration || duration > MaxDuration)
        {
            throw DomainValidationException.ForFields([new FieldProblem("durationMinutes", "Silence for between 1 minute and 7 days.")]);
        }

        var alerts = changes.Store.Read(s => s.Incidents.Get(incidentId) is null
            ? throw new NotFoundException($"No incident '{incidentId}'.")
            : s.Alerts.Recent(AlertService.MaxList, incidentId: incidentId));
        var targets = alerts.Where(a => a.Status == IncomingAlert.Firing && a.Source == "alertmanager")
            .DistinctBy(a => a.Fingerprint).ToList();
        if (targets.Count == 0)
        {
            throw new ConflictException($"{incidentId} has no firing Alertmanager alert to silence.");
        }

        var start = changes.Now;
        var created = new List<AlertSilence>();
        foreach (var alert in targets)
        {
            var matchers = alert.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => new AlertmanagerClient.Matcher(l.Key, l.Value, false, true)).ToList();
            var id = await alertmanager.CreateSilenceAsync(matchers, start, start + duration, actor.DisplayName,
                $"Silenced from OperatorConsole for incident {incidentId}", cancellationToken);
            created.Add(new AlertSilence(id, incidentId, [.. matchers.Select(m => $"{m.Name}=\"{m.Value}\"")], start, start + duration, actor.DisplayName));
        }

        return await changes.RunAsync(actor, c =>
        {
            c.Require(AlertActions.Silence, subject);
            foreach (var silence in created)
            {
                c.Session.Alerts.Upsert(silence);
                IncidentTimeline.Append(c, incidentId, TimelineKinds.Alert, $"Alerts silenced in Alertmanager until {silence.EndsAt:u}",
                    $"silence {silence.Id}: {string.Join(", ", silence.Matchers)}");
            }

            var entry = c.Record(AlertActions.Silence, subject, new { silences = created.Select(s => s.Id), until = start + duration });
            c.Publish(Topics.Incident(incidentId), AlertActions.SilencesChanged, incidentId, null, entry.Sequence);
            return (IReadOnlyList<AlertSilence>)created;
        }, cancellationToken);
    }

    public async Task<AlertSilence> ExpireAsync(Actor actor, string silenceId, CancellationToken cancellationToken = default)
    {
        var subject = $"silence:{silenceId}";
        await changes.CheckAsync(actor, c => c.Require(AlertActions.SilenceExpire, subject), cancellationToken);
        var silence = changes.Store.Read(s => s.Alerts.Silence(silenceId)) ?? throw new NotFoundException($"No silence '{silenceId}'.");
        if (silence.ExpiredAt is not null)
        {
            throw new ConflictException($"Silence {silenceId} was already expired by {silence.ExpiredBy}.");
        }

        await alertmanager.ExpireSilenceAsync(silenceId, cancellationToken);
        return await changes.RunAsync(actor, c =>
        {
            c.Require(AlertActions.SilenceExpire, subject);
            var expired = silence with { ExpiredAt = c.Now, ExpiredBy = c.Actor.DisplayName };
            c.Session.Alerts.Upsert(expired);
            IncidentTimeline.Append(c, silence.IncidentId, TimelineKinds.Alert, "Alertmanager silence expired", $"silence {silenceId}");
            var entry = c.Record(AlertActions.SilenceExpire, subject, new { incident = silence.IncidentId });
            c.Publish(Topics.Incident(silence.IncidentId), AlertActions.SilencesChanged, silence.IncidentId, null, entry.Sequence);
            return expired;
        }, cancellationToken);
    }
}
