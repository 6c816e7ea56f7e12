using OperatorConsole.Core.Common;
using OperatorConsole.Core.Scopes;

namespace OperatorConsole.Core.Releases;

/// <summary>What release input must satisfy before anything is written.</summary>
public static class ReleaseRules
{
    public const int MaxMetadataEntries = 50;
    public const int MaxMetadataValue = 2000;
    public const int MaxCyclesPerReport = 1_000_000;
    public const int MaxShadowTarget = 10_000_000;
    public const int MaxMetrics = 20;

    /// <summary>The manifest id of a version: the scope and the version, so the same version may live in two scopes.</summary>
    public static string ManifestId(string scopeId, string version) => $"{scopeId}-{version}";

    public static string CheckVersion(string scopeId, string? version)
    {
        var trimmed = version?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !ScopeRules.IsScopeId(trimmed) || !ScopeRules.IsScopeId(ManifestId(scopeId, trimmed)))
        {
            throw Field("version", $"A version of letters, digits, '.', '_' or '-' is required (scope id and version together at most 63 characters), e.g. \"M-MyModel-V1\".");
        }

        return trimmed;
    }

    public static void Check(ReleaseInput input)
    {
        var problems = new List<FieldProblem>();
        if (input.Metadata?.Count > MaxMetadataEntries || input.Metadata?.Any(p => p.Key.Length > 100 || p.Value.Length > MaxMetadataValue) == true)
        {
            problems.Add(new("metadata", $"Metadata holds at most {MaxMetadataEntries} fields, names of at most 100 characters and values of at most {MaxMetadataValue}."));
        }

        if (!string.IsNullOrWhiteSpace(input.ArtifactUrl) != !string.IsNullOrWhiteSpace(input.ArtifactSha256))
        {
            problems.Add(new("artifact_sha256", "An artifact URL needs its SHA-256, and a SHA-256 needs the URL it describes."));
        }

        if (input.Sbom?.Length > 500)
        {
            problems.Add(new("sbom", "The SBOM reference is at most 500 characters."));
        }

        if (input.Changelog?.Length > ScopeRules.MaxText)
        {
            problems.Add(new("changelog", $"The changelog is at most {ScopeRules.MaxText} characters."));
        }

        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }
    }

    public static double CheckRatio(double? ratio) =>
        ratio is { } r && !double.IsNaN(r) && r >= 0 && r <= 1
            ? r
            : throw Field("ratio", $"The canary ratio is a number from 0 to 1 (e.g. 0.05 for 5 % of traffic); {Shown(ratio)} is outside it.");

    public static int CheckCycles(long? cycles) =>
        cycles is >= 1 and <= MaxCyclesPerReport
            ? (int)cycles.Value
            : throw Field("cycles", $"Report between 1 and {MaxCyclesPerReport} shadow cycles at a time; {cycles?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"} was sent.");

    public static int CheckShadowTarget(int? target, int fallback) =>
        target is null ? fallback
            : target is >= 1 and <= MaxShadowTarget ? target.Value
            : throw Field("shadow_target", $"The shadow target is between 1 and {MaxShadowTarget} cycles.");

    public static IReadOnlyDictionary<string, double> CheckMetrics(IReadOnlyDictionary<string, double>? metrics)
    {
        if (metrics is null)
        {
            return new Dictionary<string, double>();
        }

        return metrics.Count <= MaxMetrics && metrics.All(p => p.Key.Length is > 0 and <= 64 && double.IsFinite(p.Value))
            ? metrics
            : throw Field("metrics", $"At most {MaxMetrics} metrics, each a name of at most 64 characters with a finite number.");
    }

    private static string Shown(double? ratio) =>
        ratio?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing";

    private static DomainValidationException Field(string field, string message) =>
        DomainValidationException.ForFields([new FieldProblem(field, message)]);
}
