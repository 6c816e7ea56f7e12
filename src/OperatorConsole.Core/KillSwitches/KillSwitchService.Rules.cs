using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.KillSwitches;

/// <summary>Input rules for switch keys, scopes and texts; each problem names its API field.</summary>
public sealed partial class KillSwitchService
{
    private static void CheckKey(string? key, List<FieldProblem> problems)
    {
        if (string.IsNullOrEmpty(key) || !KeyPattern().IsMatch(key))
        {
            problems.Add(new FieldProblem("key", "The key must be a slug: lowercase letters, digits and dashes, at most 64 characters."));
        }
    }

    private static void CheckScope(string scope, List<FieldProblem> problems)
    {
        if (!ScopePattern().IsMatch(scope))
        {
            problems.Add(new FieldProblem("scope", "The scope must be \"global\" or a scope id of letters, digits, '.', '_' or '-', at most 64 characters."));
        }
    }

    private static void CheckText(string? value, string field, string label, int max, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new FieldProblem(field, $"{label} is required."));
        }
        else if (value.Trim().Length > max)
        {
            problems.Add(new FieldProblem(field, $"{label} may be at most {max} characters."));
        }
    }

    private static void ThrowIfAny(List<FieldProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ScopePattern();
}
