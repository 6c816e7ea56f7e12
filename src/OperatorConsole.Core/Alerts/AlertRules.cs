using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Alerts;

/// <summary>The matrix's decisions: which rule routes an alert (first match in order) and whether a draft is a valid rule.</summary>
public static class AlertRules
{
    public const int MaxMatchers = 20;
    public const int MaxText = 500;

    /// <summary>The first rule, by <see cref="AlertRule.Order"/> then id, whose alertname and matchers all hold.</summary>
    public static AlertRule? FirstMatch(IEnumerable<AlertRule> rules, IReadOnlyDictionary<string, string> labels) =>
        rules.OrderBy(r => r.Order).ThenBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(r => r.Matches(labels));

    public static AlertRule Validate(AlertRuleDraft draft, string id, int order)
    {
        var problems = new List<FieldProblem>();
        var name = Required(problems, draft.Name, "name", "Name");
        var firstAction = Required(problems, draft.FirstAction, "firstAction", "First action");
        var matchers = new List<string>();
        foreach (var text in draft.Matchers ?? [])
        {
            try
            {
                matchers.Add(LabelMatcher.Parse(text).ToString());
            }
            catch (DomainValidationException e)
            {
                problems.Add(new("matchers", e.Message));
            }
        }

        if (matchers.Count > MaxMatchers)
        {
            problems.Add(new("matchers", $"A rule has at most {MaxMatchers} matchers."));
        }

        if (!Enum.IsDefined(draft.Class))
        {
            problems.Add(new("class", $"'{draft.Class}' is not a known incident class."));
        }

        if (!Enum.IsDefined(draft.Severity))
        {
            problems.Add(new("severity", $"'{draft.Severity}' is not a known severity."));
        }

        if (!Enum.IsDefined(draft.Mode))
        {
            problems.Add(new("mode", $"'{draft.Mode}' is not a known mode."));
        }

        var alertName = Optional(problems, draft.AlertName, "alertName", "Alert name");
        if (alertName is null && matchers.Count == 0)
        {
            problems.Add(new("alertName", "Name an alert or add at least one matcher; a rule that matches everything would hide the unrouted inbox."));
        }

        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }

        return new AlertRule
        {
            Id = id,
            Order = order,
            Name = name!,
            AlertName = alertName,
            Matchers = matchers,
            Class = draft.Class,
            Severity = draft.Severity,
            FirstAction = firstAction!,
            RunbookSlug = Optional(problems, draft.RunbookSlug, "runbookSlug", "Runbook"),
            ScopeLabel = Optional(problems, draft.ScopeLabel, "scopeLabel", "Scope label"),
            Mode = draft.Mode,
            AutoStartRun = draft.AutoStartRun,
        };
    }

    private static string? Required(List<FieldProblem> problems, string? value, string field, string label)
    {
        var text = Optional(problems, value, field, label);
        if (text is null)
        {
            problems.Add(new(field, $"{label} is required."));
        }

        return text;
    }

    private static string? Optional(List<FieldProblem> problems, string? value, string field, string label)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > MaxText || text.Any(char.IsControl))
        {
            problems.Add(new(field, $"{label} is at most {MaxText} characters, with no control characters."));
        }

        return text;
    }

    /// <summary>Labels of a timeline line or a list row, sorted so the same alert always reads the same.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> labels) =>
        string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
