using System.Text.RegularExpressions;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Scopes;

/// <summary>What a scope definition and a manifest must satisfy before anything is written.</summary>
public static partial class ScopeRules
{
    public const int MaxText = 2000;
    public const int MaxContentBytes = 4 * 1024 * 1024;

    public static bool IsScopeId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static void Check(ScopeDefinition d)
    {
        var problems = new List<FieldProblem>();
        CheckId(d.Id, "id", problems);
        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 200)
        {
            problems.Add(new FieldProblem("name", "A name of at most 200 characters is required."));
        }

        CheckUrl(d.ResolverProbeUrl, "resolverProbeUrl", problems);
        CheckUrl(d.RulesProbeUrl, "rulesProbeUrl", problems);
        CheckUrl(d.PackProbeUrl, "packProbeUrl", problems);
        ThrowIfAny(problems);
    }

    public static void Check(ManifestInput m)
    {
        var problems = new List<FieldProblem>();
        CheckId(m.Id, "id", problems);
        if (string.IsNullOrWhiteSpace(m.Version) || m.Version.Length > 100)
        {
            problems.Add(new FieldProblem("version", "A version of at most 100 characters is required."));
        }

        CheckChecksum(m.ManifestChecksum, "manifestChecksum", problems);
        CheckChecksum(m.PackChecksum, "packChecksum", problems);
        if (m.ManifestContent is null && string.IsNullOrWhiteSpace(m.ManifestUrl))
        {
            problems.Add(new FieldProblem("manifestContent", "Give the manifest content or a URL to fetch it from, so its checksum can be recomputed."));
        }

        if (m.PackContent is null && string.IsNullOrWhiteSpace(m.PackUrl))
        {
            problems.Add(new FieldProblem("packContent", "Give the pack content or a URL to fetch it from, so its checksum can be recomputed."));
        }

        if (m.ManifestContent?.Length > MaxContentBytes || m.PackContent?.Length > MaxContentBytes)
        {
            problems.Add(new FieldProblem("packContent", $"Stored content may be at most {MaxContentBytes / 1024 / 1024} MB; give a URL for larger packs."));
        }

        CheckUrl(m.ManifestUrl, "manifestUrl", problems);
        CheckUrl(m.PackUrl, "packUrl", problems);
        if (m.Changelog?.Length > MaxText || m.OriginRelease?.Length > 200)
        {
            problems.Add(new FieldProblem("changelog", $"The changelog may be at most {MaxText} characters and the origin release 200."));
        }

        ThrowIfAny(problems);
    }

    public static string RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxText)
        {
            throw DomainValidationException.ForFields([new FieldProblem("reason", $"A reason of at most {MaxText} characters is required.")]);
        }

        return reason.Trim();
    }

    private static void CheckId(string? id, string field, List<FieldProblem> problems)
    {
        if (!IsScopeId(id))
        {
            problems.Add(new FieldProblem(field, "An id of letters, digits, '.', '_' or '-' (at most 64 characters, starting with a letter or digit) is required."));
        }
    }

    private static void CheckChecksum(string? checksum, string field, List<FieldProblem> problems)
    {
        if (!Checksums.IsWellFormed(checksum))
        {
            problems.Add(new FieldProblem(field, "A checksum must be a SHA-256 written as 64 lowercase hexadecimal digits."));
        }
    }

    private static void CheckUrl(string? url, string field, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        var ok = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            || Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (!ok || url.Length > 500)
        {
            problems.Add(new FieldProblem(field, "A URL must be an absolute http(s) URL or a path on the console starting with '/'."));
        }
    }

    private static void ThrowIfAny(List<FieldProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw DomainValidationException.ForFields(problems);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
