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

    /// <summary>
    /// The reason the sender gave, or — for 001's commands, which name only their operator — one that says which
    /// command which operator sent, so the seed's JSON works verbatim. With neither, Core refuses the missing reason.
    /// </summary>
    public string? ReasonOrOperator() =>
        Text("reason") ?? (string.IsNullOrWhiteSpace(OperatorId) ? null : $"{Type} sent by operator {OperatorId.Trim()}");
}
