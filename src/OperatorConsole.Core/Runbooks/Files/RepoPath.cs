using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Runbooks.Files;

/// <summary>
/// Paths inside an imported repository: forward slashes, no leading "./" or "/", never climbing out with "..".
/// They identify runbooks and address the files kept with them.
/// </summary>
public static class RepoPath
{
    public const int MaxDepth = 16;
    public const int MaxLength = 400;

    /// <summary>The path in its one stored form, or a refusal naming what is wrong with it.</summary>
    public static string Normalize(string path, string field = "path")
    {
        var trimmed = path.Replace('\\', '/').Trim();
        if (trimmed.StartsWith('/') || (trimmed.Length > 1 && trimmed[1] == ':'))
        {
            throw Refuse(field, $"'{Shown(path)}' is an absolute path; paths must be relative to the repository.");
        }

        var parts = trimmed.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        if (parts.Count == 0 || parts.Any(p => p == ".."))
        {
            throw Refuse(field, $"'{Shown(path)}' climbs out of the repository or names nothing.");
        }

        if (parts.Count > MaxDepth || trimmed.Length > MaxLength || parts.Any(p => p.Any(char.IsControl)))
        {
            throw Refuse(field, $"'{Shown(path)}' is nested deeper than {MaxDepth} folders, longer than {MaxLength} characters or holds control characters.");
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// Where a relative reference written in the document at <paramref name="from"/> points (its #fragment and ?query
    /// removed), or null when it is not a repository-relative reference (a URL, an absolute path, an in-page anchor)
    /// or climbs out of the repository.
    /// </summary>
    public static string? Resolve(string? from, string reference)
    {
        var target = reference.Split('#', 2)[0].Split('?', 2)[0];
        if (target.Length == 0 || target.StartsWith('/') || target.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var folder = from is null ? [] : from.Split('/')[..^1];
        var parts = new List<string>(folder);
        foreach (var part in Uri.UnescapeDataString(target).Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private static DomainValidationException Refuse(string field, string message) =>
        DomainValidationException.ForFields([new FieldProblem(field, message)]);

    private static string Shown(string path) => new([.. path.Where(c => !char.IsControl(c)).Take(120)]);
}
