using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Incidents;

public sealed record OpenIncident(
    string Title, IncidentClass Class, IncidentSeverity Severity, IReadOnlyList<string> Scopes, string? TriggerSource);

/// <summary>
/// Incidents: lifecycle, severity and class, roles, timeline and evidence. Roles are enforced here:
/// on-call may open, acknowledge, contain, note and record evidence; the incident owner does the rest.
/// </summary>
public sealed partial class IncidentService(ChangeRunner changes)
{
    public const Role Responders = Role.OnCall | Role.IncidentOwner;
    public const Role Owners = Role.IncidentOwner;
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public Incident? Get(string id) => changes.Store.Read(s => s.Incidents.Get(id));

    public IReadOnlyList<Incident> List() => changes.Store.Read(s => s.Incidents.All());

    /// <summary>The open SEV-1 incidents, newest first: what everyone online must see. Reads open incidents only.</summary>
    public IReadOnlyList<Incident> OpenSev1() =>
        changes.Store.Read(s => s.Incidents.Open().Where(i => i.Severity == IncidentSeverity.Sev1).ToList());

    /// <summary>One page of the list as <paramref name="query"/> filters and sorts it; "mine" is <paramref name="userId"/>'s.</summary>
    public IncidentPage Find(IncidentQuery query, string? userId) => IncidentFinder.Find(List(), query, userId);

    public IReadOnlyList<EvidenceRecord> Evidence(string id) => changes.Store.Read(s => s.Incidents.Evidence(id));

    public async Task<Incident> OpenAsync(Actor actor, OpenIncident request)
    {
        return await changes.RunAsync(actor, c =>
        {
            c.Require(IncidentActions.Open, "incident:new");
            return Open(c, request);
        });
    }

    /// <summary>
    /// Opens an incident inside the caller's change, after the caller's own role gate (alert intake opens incidents
    /// for the key that posts alerts). <paramref name="firstAction"/> and <paramref name="runbookSlug"/> come from the
    /// alert matrix and are shown at the top of the incident.
    /// </summary>
    internal static Incident Open(Change c, OpenIncident request, string? firstAction = null, string? runbookSlug = null)
    {
        var problems = new List<FieldProblem>();
        var title = Check(problems, request.Title, "title", "Title", MaxTitleLength, required: true)!;
        if (!Enum.IsDefined(request.Class))
        {
            problems.Add(new("class", $"'{request.Class}' is not a known incident class."));
        }

        if (!Enum.IsDefined(request.Severity))
        {
            problems.Add(new("severity", $"'{request.Severity}' is not a known severity."));
        }

        var scopes = (request.Scopes ?? []).Select(s => s?.Trim() ?? string.Empty).Where(s => s.Length > 0).Distinct().ToList();
        if (scopes.Any(s => s.Length > 100 || s.Any(char.IsControl)))
        {
            problems.Add(new("scopes", "A scope id is at most 100 characters, with no control characters."));
        }

        var triggerSource = Check(problems, request.TriggerSource, "triggerSource", "Trigger source", MaxTextLength, required: false);
        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }

        var incident = new Incident
        {
            Id = $"INC-{c.Session.Incidents.Count() + 1:0000}",
            Title = title,
            Class = request.Class,
            Severity = request.Severity,
            Scopes = scopes,
            TriggerSource = triggerSource,
            FirstAction = firstAction,
            RunbookSlug = runbookSlug,
            OnCallOperator = c.Actor.HasAny(Role.OnCall) ? c.Actor.DisplayName : null,
            OpenedBy = c.Actor.DisplayName,
            OpenedAt = c.Now,
        };
        c.Session.Incidents.Upsert(incident);
        var entry = c.Record(IncidentActions.Open, $"incident:{incident.Id}", new { title, incidentClass = incident.Class, severity = incident.Severity, scopes, firstAction, runbook = runbookSlug });
        IncidentTimeline.Append(c, incident.Id, TimelineKinds.Status,
            $"Opened as {IncidentCatalog.Label(incident.Severity)} {IncidentCatalog.Info(incident.Class).Name}", incident.TriggerSource);
        c.Publish(Topics.Incidents, IncidentEvents.Opened, incident.Id, $"{IncidentCatalog.Label(incident.Severity)}: {title}", entry.Sequence);
        return incident;
    }

    /// <summary>Loads the incident for a change, or says plainly that there is none.</summary>
    private static Incident Load(Change c, string id) =>
        c.Session.Incidents.Get(id) ?? throw new NotFoundException($"No incident '{id}'.");

    /// <summary>Saves, records in the ledger, and tells everyone watching the incident or the list.</summary>
    private static Audit.LedgerEntry Save(Change c, Incident incident, string action, object payload)
    {
        c.Session.Incidents.Upsert(incident);
        var entry = c.Record(action, $"incident:{incident.Id}", payload);
        c.Publish(Topics.Incidents, action, incident.Id, incident.Title, entry.Sequence);
        return entry;
    }

    private static string Text(string? value, string name, int max)
    {
        var problems = new List<FieldProblem>();
        var text = Check(problems, value, name, name, max, required: true);
        return problems.Count > 0 ? throw new DomainValidationException(problems[0].Message) : text!;
    }

    /// <summary>
    /// The trimmed value, or null when it is blank and not required; a broken rule is added to
    /// <paramref name="problems"/> under <paramref name="field"/> (the API's name), worded as <see cref="Text"/> words it.
    /// </summary>
    private static string? Check(List<FieldProblem> problems, string? value, string field, string name, int max, bool required)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                problems.Add(new(field, $"{name} is required."));
            }

            return null;
        }

        if (trimmed.Length > max)
        {
            problems.Add(new(field, $"{name} is longer than {max} characters."));
        }

        return trimmed;
    }

    /// <summary>Enums arrive from JSON, where any number binds; only the named values are valid.</summary>
    private static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DomainValidationException($"'{value}' is not a known {name}.");
        }
    }

    private static string? Optional(string? value, string name, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, name, max);
}
