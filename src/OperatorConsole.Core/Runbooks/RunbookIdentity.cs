using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Runbooks;

/// <summary>
/// Which runbook an import belongs to. A runbook is named by its front-matter id, else by its path in the imported
/// repository; the title only picks the slug of a new runbook. A title that collides with another runbook gets a
/// slug from the path, then a numbered one, so a different file never becomes a version of someone else's runbook.
/// </summary>
internal static class RunbookIdentity
{
    private const int MaxNumberedSlugs = 1000;

    public static string SlugFor(IRunbookRepository runbooks, ParsedRunbook parsed, string? sourcePath)
    {
        // A file that gains an id keeps the runbook its path named; a path never takes over a runbook with another id.
        var known = (parsed.DeclaredId is { } id ? runbooks.FindByDeclaredId(id) : null)
            ?? (sourcePath is null ? null : runbooks.FindBySourcePath(sourcePath) is { DeclaredId: null } byPath ? byPath : null);
        if (known is not null)
        {
            return known.Slug;
        }

        foreach (var candidate in Candidates(parsed.Slug, sourcePath))
        {
            var holder = runbooks.Get(candidate);
            if (holder is null || IsOriginless(holder, parsed.Title))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No free slug for '{parsed.Slug}' after {MaxNumberedSlugs} tries.");
    }

    /// <summary>
    /// A runbook imported before identities were recorded (or pasted without a path) is known only by its title: the
    /// same title continues it, as it always did.
    /// </summary>
    private static bool IsOriginless(Runbook holder, string title) =>
        holder.SourcePath is null && holder.DeclaredId is null && string.Equals(holder.Title, title, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Candidates(string titleSlug, string? sourcePath)
    {
        yield return titleSlug;
        var pathSlug = sourcePath is null ? "" : Slug.From(Path.ChangeExtension(sourcePath, null));
        if (pathSlug.Length > 0 && pathSlug != titleSlug)
        {
            yield return pathSlug;
        }

        var stem = pathSlug.Length > 0 ? pathSlug : titleSlug;
        for (var n = 2; n < MaxNumberedSlugs; n++)
        {
            yield return $"{stem}-{n}";
        }
    }
}
