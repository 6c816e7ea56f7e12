using OperatorConsole.Core.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Core.Alerts;

/// <summary>A rule and whether it would route one recent alert, for the editor's live preview.</summary>
public sealed record RulePreview(AlertRecord Alert, bool Matches, string? RoutedNowBy);

/// <summary>The alert matrix: Admins create, edit, reorder and delete rules (management actions, refused in lockdown).</summary>
public sealed class AlertRuleService(ChangeRunner changes)
{
    public const Role Editors = Role.Admin;

    /// <summary>Whether the editor offers editing to <paramref name="actor"/>; the write checks again in its transaction.</summary>
    public static bool CanEdit(Actor actor) => actor.HasAny(Editors);

    public IReadOnlyList<AlertRule> List() => changes.Store.Read(s => s.Alerts.Rules());

    public AlertRule? Get(string id) => changes.Store.Read(s => s.Alerts.Rule(id));

    public Task<AlertRule> CreateAsync(Actor actor, AlertRuleDraft draft) =>
        changes.RunAsync(actor, c =>
        {
            Gate(c, "alert-rule:new");
            var rules = c.Session.Alerts.Rules();
            var order = draft.Order ?? (rules.Count == 0 ? 10 : rules.Max(r => r.Order) + 10);
            return Save(c, AlertRules.Validate(draft, Guid.NewGuid().ToString("N")[..12], order));
        });

    public Task<AlertRule> UpdateAsync(Actor actor, string id, AlertRuleDraft draft) =>
        changes.RunAsync(actor, c =>
        {
            Gate(c, $"alert-rule:{id}");
            var existing = c.Session.Alerts.Rule(id) ?? throw new NotFoundException($"No alert rule '{id}'.");
            return Save(c, AlertRules.Validate(draft, id, draft.Order ?? existing.Order));
        });

    public Task DeleteAsync(Actor actor, string id) =>
        changes.RunAsync(actor, c =>
        {
            Gate(c, $"alert-rule:{id}");
            var existing = c.Session.Alerts.Rule(id) ?? throw new NotFoundException($"No alert rule '{id}'.");
            c.Session.Alerts.DeleteRule(id);
            var entry = c.Record(AlertActions.RuleDelete, $"alert-rule:{id}", new { existing.Name });
            c.Publish(Topics.Alerts, AlertActions.RulesChanged, id, existing.Name, entry.Sequence);
            return true;
        });

    /// <summary>
    /// How a draft would route recent alerts: for each, whether the draft matches, and which rule routes it today (the
    /// draft only wins where no earlier rule already does). Invalid drafts are refused with the field at fault.
    /// </summary>
    public IReadOnlyList<RulePreview> Preview(Actor actor, AlertRuleDraft draft, int take = 50)
    {
        if (!CanEdit(actor))
        {
            throw new AccessDeniedException("Only admins can preview alert rules.");
        }

        var rule = AlertRules.Validate(draft, "preview", draft.Order ?? int.MaxValue);
        return changes.Store.Read(s =>
        {
            var rules = s.Alerts.Rules();
            return s.Alerts.Recent(Math.Clamp(take, 1, AlertService.MaxList))
                .Select(a => new RulePreview(a, rule.Matches(a.Labels), AlertRules.FirstMatch(rules, a.Labels)?.Name))
                .ToList();
        });
    }

    private static void Gate(Change c, string subject)
    {
        c.Require(AlertActions.RuleSave, subject);
    }

    private static AlertRule Save(Change c, AlertRule rule)
    {
        c.Session.Alerts.Upsert(rule);
        var entry = c.Record(AlertActions.RuleSave, $"alert-rule:{rule.Id}", rule);
        c.Publish(Topics.Alerts, AlertActions.RulesChanged, rule.Id, rule.Name, entry.Sequence);
        return rule;
    }
}
