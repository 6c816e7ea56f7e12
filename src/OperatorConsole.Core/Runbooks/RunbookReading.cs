using System.Text.Json;
using OperatorConsole.Core.Runbooks.Import;

namespace OperatorConsole.Core.Runbooks;

/// <summary>
/// What the importer read from a document (title, sections, steps, aliases…), apart from the text itself. The same text
/// can read differently once the importer learns more, so re-importing it must be able to tell.
/// </summary>
internal static class RunbookReading
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool Same(Runbook stored, ParsedRunbook parsed) =>
        Serialize(new Reading(
            stored.Title, stored.DeclaredId, stored.Priority, stored.Trigger, stored.Purpose, stored.Tags, stored.Severities,
            stored.Sections, stored.Repairs, stored.Aliases, stored.Warnings))
        == Serialize(new Reading(
            parsed.Title, parsed.DeclaredId, parsed.Priority, parsed.Trigger, parsed.Purpose, parsed.Tags, parsed.Severities,
            parsed.Sections, parsed.Repairs, parsed.Aliases, parsed.Warnings));

    // Records holding lists do not compare by content; their JSON does.
    private static string Serialize(Reading reading) => JsonSerializer.Serialize(reading, Json);

    private sealed record Reading(
        string Title,
        string? DeclaredId,
        Priority Priority,
        string? Trigger,
        string? Purpose,
        IReadOnlyList<string> Tags,
        IReadOnlyList<string> Severities,
        IReadOnlyList<RunbookSection> Sections,
        IReadOnlyList<string> Repairs,
        IReadOnlyList<string> Aliases,
        IReadOnlyList<string> Warnings);
}
