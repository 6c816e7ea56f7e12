using System.Text.Json;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Features.Commands;

/// <summary>
/// A parsed command: its type, the authenticated <see cref="Actor"/>, the operator id the sender named (recorded
/// next to the actor in the ledger, trusted for nothing), the confirmation token if sent, and the raw JSON object.
/// </summary>
public sealed record CommandRequest(string Type, Actor Actor, string? OperatorId, string? ConfirmationToken, JsonElement Body)
{
    /// <summary>A string field of the command, or null when it is absent or null; any other JSON kind is refused.</summary>
    public string? Text(string field)
    {
        try
        {
            return Field(field, JsonValueKind.String, "a string")?.GetString();
        }
        catch (InvalidOperationException)
        {
            // The reader refuses an escaped lone surrogate ("\ud800") when it turns the value into a string.
            throw Refuse(field, $"'{field}' is not valid text: it contains a broken \\u escape (a lone surrogate).");
        }
    }

    /// <summary>A number field of the command, or null when it is absent or null; any other JSON kind is refused.</summary>
    public double? Number(string field) =>
        Field(field, JsonValueKind.Number, "a number") is not { } number ? null
        : number.TryGetDouble(out var value) && double.IsFinite(value) ? value
        : throw Refuse(field, $"'{field}' is out of range.");

    /// <summary>An object field of the command, or null when it is absent or null; any other JSON kind is refused.</summary>
    public JsonElement? Object(string field) => Field(field, JsonValueKind.Object, "a JSON object");

    /// <summary>
    /// The reason the sender gave, or — for 001's commands, which name only their operator — one that says which
    /// command which operator sent, so the seed's JSON works verbatim. With neither, Core refuses the missing reason.
    /// </summary>
    public string? ReasonOrOperator() =>
        Text("reason") ?? (string.IsNullOrWhiteSpace(OperatorId) ? null : $"{Type} sent by operator {OperatorId.Trim()}");

    /// <summary>The operator id, for commands 001 always sends with one (the guarded ones).</summary>
    public string RequireOperatorId() =>
        string.IsNullOrWhiteSpace(OperatorId)
            ? throw DomainValidationException.ForFields([new FieldProblem("operator_id", $"{Type} needs \"operator_id\" (who at the console sends it, e.g. \"Op-01\").")])
            : OperatorId;

    private JsonElement? Field(string field, JsonValueKind kind, string what) =>
        !Body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == kind
                ? value
                : throw Refuse(field, $"'{field}' must be {what}.");

    private static DomainValidationException Refuse(string field, string message) => DomainValidationException.ForFields([new FieldProblem(field, message)]);
}
