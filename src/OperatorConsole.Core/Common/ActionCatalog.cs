namespace OperatorConsole.Core.Common;

/// <summary>
/// Every action the features declare, by name. An action declared twice is a start-up error: two sentences for one
/// action would make the page and the refusal disagree.
/// </summary>
public sealed class ActionCatalog
{
    private readonly Dictionary<string, ActionRule> _rules = new(StringComparer.Ordinal);

    public ActionCatalog(IEnumerable<IActionRules> features)
    {
        foreach (var rule in features.SelectMany(f => f.Rules))
        {
            if (!_rules.TryAdd(rule.Action, rule))
            {
                throw new InvalidOperationException($"Action '{rule.Action}' is declared twice.");
            }
        }

        All = [.. _rules.Values.OrderBy(r => r.Action, StringComparer.Ordinal)];
    }

    public IReadOnlyList<ActionRule> All { get; }

    public bool IsDeclared(string action) => _rules.ContainsKey(action);

    /// <summary>The declared rule; an undeclared name is refused as input (a typo must not read as "allowed").</summary>
    public ActionRule Rule(string action) =>
        action is not null && _rules.TryGetValue(action, out var rule)
            ? rule
            : throw new DomainValidationException($"No action '{action}' is declared.");
}
