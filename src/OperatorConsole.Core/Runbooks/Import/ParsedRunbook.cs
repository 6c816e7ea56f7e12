namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>The structure an import found in a document; <see cref="Source"/> is the repaired Markdown.</summary>
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
    string? DeclaredId = null);
