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

    /// <summary>
    /// Whether <paramref name="stored"/> holds what <paramref name="parsed"/> read. The stored version is put back into
    /// the parse's own shape, so a field the parse gains and the store does not keep makes every re-import differ (the
    /// seed round-trip tests catch it) instead of being left out of the comparison unnoticed. Slug and text are not part
    /// of the reading: the caller matched the text, and the slug is the runbook's identity.
    /// </summary>
    public static bool Same(Runbook stored, ParsedRunbook parsed) =>
        Serialize(parsed with { Slug = "", Source = "" }) == Serialize(new ParsedRunbook(
            Slug: "", stored.Title, stored.Priority, stored.Trigger, stored.Purpose, stored.Tags, stored.Severities,
            stored.Sections, Source: "", stored.Repairs, stored.Aliases, stored.Warnings, stored.DeclaredId));

    // Records holding lists do not compare by content; their JSON does.
    private static string Serialize(ParsedRunbook reading) => JsonSerializer.Serialize(reading, Json);
}
