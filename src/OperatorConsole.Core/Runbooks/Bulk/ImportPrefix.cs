using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Bulk;

/// <summary>
/// A folder put in front of every path of one bulk import ("openshift" → "openshift/docs/alerts/HighLatency.md"), so
/// that repositories sharing paths stay different runbooks. Paths are identities console-wide; the prefix is the
/// repository's share of that space.
/// </summary>
public static partial class ImportPrefix
{
    public const int MaxLength = 100;

    /// <summary>The prefix in its one stored form, null for none, or a refusal (field <c>prefix</c>) saying what is allowed.</summary>
    public static string? Normalize(string? prefix)
    {
        var trimmed = prefix?.Trim().Trim('/');
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= MaxLength && Allowed().IsMatch(trimmed)
            ? trimmed
            : throw DomainValidationException.ForFields([new FieldProblem("prefix",
                $"The prefix must be up to {MaxLength} characters: up to 4 folder names of letters, digits, '.', '-' and '_', each starting with a letter or digit, separated by '/' (e.g. openshift or team-a/alerts).")]);
    }

    public static string Apply(string? prefix, string path) => prefix is null ? path : $"{prefix}/{path}";

    // A name starting with a letter or digit can be neither "." nor "..".
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*){0,3}$")]
    private static partial Regex Allowed();
}
