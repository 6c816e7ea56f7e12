using System.Text.Json;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Api.Commands;

/// <summary>
/// A parsed command: its type, the authenticated <see cref="Actor"/>, the operator id the sender named (recorded
/// next to the actor in the ledger, trusted for nothing), the confirmation token if sent, and the raw JSON object.
/// </summary>
public sealed record CommandRequest(string Type, Actor Actor, string? OperatorId, string? ConfirmationToken, JsonElement Body)
{
    /// <summary>A string field of the command, or null when it is absent or null; any other JSON kind is refused.</summary>
    public string? Text(string field) =>
        !Body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw DomainValidationException.ForFields([new FieldProblem(field, $"'{field}' must be a string.")]);

    /// <summary>A number field of the command, or null when it is absent or null; any other JSON kind is refused.</summary>
    public double? Number(string field) =>
        !Body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : throw DomainValidationException.ForFields([new FieldProblem(field, $"'{field}' must be a number.")]);

    /// <summary>An object field of the command, or null when it is absent or null; any other JSON kind is refused.</summary>
    public JsonElement? Object(string field) =>
        !Body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.Object
                ? value
                : throw DomainValidationException.ForFields([new FieldProblem(field, $"'{field}' must be a JSON object.")]);

    /// <summary>The operator id, for commands 001 always sends with one (the guarded ones).</summary>
    public string RequireOperatorId() =>
        string.IsNullOrWhiteSpace(OperatorId)
            ? throw DomainValidationException.ForFields([new FieldProblem("operator_id", $"{Type} needs \"operator_id\" (who at the console sends it, e.g. \"Op-01\").")])
            : OperatorId;
}
