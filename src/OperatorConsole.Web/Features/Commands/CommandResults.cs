using System.Text.Json;
using OperatorConsole.Core.GuardedActions;

namespace OperatorConsole.Web.Features.Commands;

/// <summary>Answers in 001's snake_case style.</summary>
public static class CommandResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static IResult Ok(object body) => Results.Json(body, Json);

    /// <summary>The first call of a guarded command: the token to send back with the same command to execute it.</summary>
    public static IResult ConfirmationNeeded(string commandType, GuardedRequest request) => Results.Json(new
    {
        status = "CONFIRMATION_REQUIRED",
        action = commandType,
        confirmation_token = request.Token,
        expires_at = request.ExpiresAt,
        request_id = request.RequestId,
        four_eyes = request.FourEyes,
        hint = request.FourEyes
            ? "Four-eyes: a different person with the role sends the same command with this confirmation_token."
            : "Send the same command again with this confirmation_token.",
    }, Json, statusCode: StatusCodes.Status202Accepted);
}
