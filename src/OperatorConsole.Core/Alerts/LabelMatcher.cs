using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Alerts;

/// <summary>
/// One label matcher in Alertmanager's syntax: <c>name=value</c>, <c>name!=value</c>, <c>name=~regex</c>,
/// <c>name!~regex</c> (the value optionally in double quotes). As in Alertmanager, regexes are anchored at both ends
/// and a missing label matches as the empty string.
/// </summary>
public sealed partial record LabelMatcher(string Name, string Operator, string Value)
{
    public const string Equal = "=";
    public const string NotEqual = "!=";
    public const string RegexMatch = "=~";
    public const string RegexNoMatch = "!~";

    /// <summary>A hostile or careless pattern must not stall intake: each evaluation gets this long.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private Regex? _regex;

    public bool IsRegex => Operator is RegexMatch or RegexNoMatch;

    public static LabelMatcher Parse(string text)
    {
        var match = Syntax().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            throw new DomainValidationException(
                $"'{text}' is not a label matcher; write name=value, name!=value, name=~regex or name!~regex.");
        }

        var value = match.Groups["value"].Value;
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        var matcher = new LabelMatcher(match.Groups["name"].Value, match.Groups["op"].Value, value);
        if (matcher.IsRegex)
        {
            try
            {
                _ = matcher.Compiled();
            }
            catch (ArgumentException e)
            {
                throw new DomainValidationException($"'{text}' has an invalid regex: {e.Message}");
            }
        }

        return matcher;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var actual = labels.TryGetValue(Name, out var v) ? v : string.Empty;
        return Operator switch
        {
            Equal => actual == Value,
            NotEqual => actual != Value,
            RegexMatch => IsMatch(actual),
            _ => !IsMatch(actual),
        };
    }

    public override string ToString() => $"{Name}{Operator}\"{Value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    // A pattern that times out counts as no match: the alert then falls to a later rule or the unrouted inbox.
    private bool IsMatch(string value)
    {
        try
        {
            return Compiled().IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private Regex Compiled() => _regex ??= new Regex($"^(?:{Value})$", RegexOptions.CultureInvariant, RegexTimeout);

    [GeneratedRegex("^(?<name>[A-Za-z_][A-Za-z0-9_]*)\\s*(?<op>=~|!~|!=|=)\\s*(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex Syntax();
}
