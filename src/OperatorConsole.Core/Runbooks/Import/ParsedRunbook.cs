namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>The structure an import found in a document; <see cref="Source"/> is the repaired Markdown.</summary>
/// <param name="Aliases">Names the runbook answers to: front-matter id/aliases/alert and the alert name in its title.</param>
/// <param name="Warnings">What the import noticed but let through: no steps, a title cut short…</param>
public sealed record ParsedRunbook(
    string Slug,
    string Title,
    Priority Priority,
    string? Trigger,
    string? Purpose,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Severities,
    IReadOnlyList<RunbookSection> Sections,
    string Source,
    IReadOnlyList<string> Repairs,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Warnings,
    string? DeclaredId = null);
