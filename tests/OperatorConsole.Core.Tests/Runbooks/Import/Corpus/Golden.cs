using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorConsole.Core.Tests.Runbooks.Import.Corpus;

/// <summary>The hand-written expected structure of one corpus runbook (its <c>.expected.json</c>).</summary>
internal sealed record Golden(
    string? Title,
    IReadOnlyList<string>? Aliases,
    string? Priority,
    IReadOnlyList<string>? Severities,
    IReadOnlyList<string>? Warnings,
    IReadOnlyList<GoldenSection>? Sections,
    IReadOnlyList<GoldenStep>? Steps,
    bool NotRunbook = false,
    string? Reason = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static Golden Read(string path) =>
        JsonSerializer.Deserialize<Golden>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} is empty.");
}

internal sealed record GoldenSection(string Title, string Role);

internal sealed record GoldenStep(
    string Kind,
    string? Title,
    string? Command,
    [property: JsonPropertyName("expectedOutput")] string? ExpectedOutput);
