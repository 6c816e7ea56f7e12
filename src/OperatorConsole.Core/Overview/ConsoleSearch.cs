using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Overview;

public enum SearchKind
{
    Incident,
    Runbook,
    KillSwitch,
    Scope,
}

/// <summary>One thing the command palette can go to: its kind and id say where, the title and detail what it is.</summary>
public sealed record SearchHit(SearchKind Kind, string Id, string Title, string? Detail);

/// <summary>
/// What the command palette finds for typed text: incidents (open first), runbooks (ranked as the runbook search ranks
/// them), kill switches and scopes, a few of each.
/// </summary>
public sealed class ConsoleSearch(ChangeRunner changes, RunbookService runbooks)
{
    public const int PerKind = 5;

    public IReadOnlyList<SearchHit> Find(string? text)
    {
        var wanted = text?.Trim() ?? string.Empty;
        if (wanted.Length == 0)
        {
            return [];
        }

        wanted = wanted[..Math.Min(wanted.Length, RunbookQuery.MaxText)];
        bool Has(string? value) => value?.Contains(wanted, StringComparison.OrdinalIgnoreCase) == true;

        var (incidents, switches, scopes) = changes.Store.Read(s => (
            s.Incidents.All().Where(i => Has(i.Id) || Has(i.Title)).Take(PerKind).ToList(),
            s.KillSwitches.All().Where(k => Has(k.Key) || Has(k.Scope) || Has(k.Description)).Take(PerKind).ToList(),
            s.Scopes.All().Where(c => Has(c.Id) || Has(c.Name)).Take(PerKind).ToList()));
        var found = runbooks.Search(new RunbookQuery(new RunbookFilter(wanted), 0, PerKind)).Items;

        return
        [
            .. incidents.Select(i => new SearchHit(SearchKind.Incident, i.Id, $"{i.Id} · {i.Title}", $"{IncidentCatalog.Label(i.Severity)} · {i.Status}")),
            .. found.Select(r => new SearchHit(SearchKind.Runbook, r.Slug, r.Title, $"{r.Priority} runbook · {r.Steps} steps")),
            .. switches.Select(k => new SearchHit(SearchKind.KillSwitch, k.Id, $"{k.Key} @ {k.Scope}", k.On ? "kill switch · ON" : "kill switch · off")),
            .. scopes.Select(c => new SearchHit(SearchKind.Scope, c.Id, c.Name, $"scope {c.Id}")),
        ];
    }
}
