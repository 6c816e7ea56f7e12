using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.LaunchDay;

/// <summary>What launch-day input must satisfy before anything is written; each problem names its API field.</summary>
public static class LaunchRules
{
    public const int MaxStatement = 1000;
    public const int MaxExpectedEntries = 200;
    public const int MaxKey = 200;
    public const int MaxValue = 2000;
    public const int MaxDutyHolders = 20;

    public static ConfigExpectations Check(ConfigExpectations expectations)
    {
        var problems = new List<FieldProblem>();
        CheckPairs(expectations.Endpoints, "expectations.endpoints", "Expected endpoints", problems);
        CheckPairs(expectations.Flags, "expectations.flags", "Expected flags", problems);
        if (expectations.RequiredAuthKeys.Count > MaxExpectedEntries || expectations.RequiredAuthKeys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > MaxKey))
        {
            problems.Add(new("expectations.requiredAuthKeys", $"Required auth keys are at most {MaxExpectedEntries} non-empty names of at most {MaxKey} characters."));
        }

        if (string.IsNullOrWhiteSpace(expectations.KillSwitchPrefix) || expectations.KillSwitchPrefix.Length > MaxKey)
        {
            problems.Add(new("expectations.killSwitchPrefix", $"The kill-switch prefix (e.g. \"kill_switches.\") is required, at most {MaxKey} characters."));
        }

        var url = expectations.FetchUrl?.Trim();
        if (!string.IsNullOrEmpty(url) && (url.Length > MaxValue || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            problems.Add(new("expectations.fetchUrl", "The fetch URL must be an absolute http or https URL."));
        }

        ThrowIfAny(problems);
        return expectations with
        {
            RequiredAuthKeys = [.. expectations.RequiredAuthKeys.Select(k => k.Trim()).Distinct(StringComparer.Ordinal)],
            FetchUrl = string.IsNullOrEmpty(url) ? null : url,
        };
    }

    public static string CheckStatement(string? statement)
    {
        var trimmed = statement?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw Field("statement", "A sign-off needs a statement: what you checked and what you vouch for.");
        }

        return trimmed.Length <= MaxStatement ? trimmed : throw Field("statement", $"The statement is at most {MaxStatement} characters.");
    }

    public static SignOffArea CheckArea(string? area) =>
        Enum.TryParse<SignOffArea>(area?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(area, out _)
            ? parsed
            : throw Field("area", $"Name the sign-off area: {string.Join(", ", Enum.GetNames<SignOffArea>())}.");

    public static IReadOnlyList<string> CheckDutyHolders(IReadOnlyList<string>? userIds)
    {
        var ids = (userIds ?? []).Select(u => u?.Trim() ?? string.Empty).ToList();
        if (ids.Count > MaxDutyHolders || ids.Any(string.IsNullOrEmpty))
        {
            throw Field("userIds", $"Name at most {MaxDutyHolders} users by id.");
        }

        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    private static void CheckPairs(IReadOnlyDictionary<string, string> pairs, string field, string label, List<FieldProblem> problems)
    {
        if (pairs.Count > MaxExpectedEntries || pairs.Any(p => string.IsNullOrWhiteSpace(p.Key) || p.Key.Length > MaxKey || p.Value is null || p.Value.Length > MaxValue))
        {
            problems.Add(new(field, $"{label} are at most {MaxExpectedEntries} keys of at most {MaxKey} characters, each with a value of at most {MaxValue}."));
        }
    }

    private static void ThrowIfAny(List<FieldProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }
    }

    private static DomainValidationException Field(string field, string message) =>
        DomainValidationException.ForFields([new FieldProblem(field, message)]);
}
