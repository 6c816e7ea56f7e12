using System.Globalization;

namespace OperatorConsole.Core.Incidents;

/// <summary>A first draft from what the console already knows, so the owner edits instead of retyping.</summary>
public static class PostIncidentPrefill
{
    public static PostIncidentDraft From(Incident incident, IReadOnlyList<TimelineEntry> timeline)
    {
        var info = IncidentCatalog.Info(incident.Class);
        var resolved = incident.TimeTo(IncidentStatus.Resolved);
        var summary = $"{IncidentCatalog.Label(incident.Severity)} {info.Name}: {incident.Title}. Opened {Utc(incident.OpenedAt)} by {incident.OpenedBy}"
            + (incident.Scopes.Count > 0 ? $"; scopes {string.Join(", ", incident.Scopes)}" : string.Empty)
            + (resolved is { } r ? $"; resolved after {Duration(r)}." : ".");

        // Status moves and decisions are the story; notes and pins are too fine-grained for the record.
        var moments = new List<KeyMoment> { new(incident.OpenedAt, $"Opened as {IncidentCatalog.Label(incident.Severity)} {info.Name}") };
        moments.AddRange(incident.Transitions.Select(t => new KeyMoment(t.At, $"{t.From} → {t.To} by {t.By}" + (t.Reason is null ? string.Empty : $" ({t.Reason})"))));
        moments.AddRange(timeline
            .Where(e => e.Kind is TimelineKinds.Decision or TimelineKinds.Severity)
            .Select(e => new KeyMoment(e.At, $"{(e.Kind == TimelineKinds.Decision ? "Decision" : "Severity")}: {e.Text}" + (e.Detail is null ? string.Empty : $" ({e.Detail})"))));
        return new PostIncidentDraft
        {
            Summary = summary,
            Timeline = [.. moments.OrderBy(m => m.At)],
        };
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{t.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h" : $"{Math.Max(1, (int)t.TotalMinutes)} min";
}
