using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Api;
using OperatorConsole.Web.Auth;

namespace OperatorConsole.Web.Features.Commands;

/// <summary>
/// POST /api/commands: 001's JSON command style, <c>{"type":"…","operator_id":"…", …}</c>, dispatched to the registered
/// <see cref="ICommandHandler"/> for the type. Malformed JSON, a missing or unknown type and a bad operator id are
/// refused as problem+json before anything runs.
/// </summary>
public static class CommandEndpoint
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxOperatorId = 100;

    public static RouteGroupBuilder MapCommandEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/commands", async (HttpContext http, IEnumerable<ICommandHandler> handlers) =>
        {
            using var document = await ReadAsync(http.Request);
            var body = document.RootElement;
            var command = new CommandRequest(string.Empty, http.User.ToActor(), null, null, body);
            var type = command.Text("type");
            var byType = handlers.SelectMany(h => h.Types.Select(t => (Type: t, Handler: h))).ToDictionary(p => p.Type, p => p.Handler, StringComparer.Ordinal);
            if (string.IsNullOrWhiteSpace(type) || !byType.TryGetValue(type, out var handler))
            {
                var known = string.Join(", ", byType.Keys.Order(StringComparer.Ordinal));
                var message = string.IsNullOrWhiteSpace(type) ? $"The command needs a \"type\". Known: {known}." : $"Unknown command type '{Printable(type)}'. Known: {known}.";
                throw DomainValidationException.ForFields([new FieldProblem("type", message)]);
            }

            var operatorId = command.Text("operator_id")?.Trim();
            if (operatorId is { Length: > MaxOperatorId } || operatorId?.Any(char.IsControl) == true)
            {
                throw DomainValidationException.ForFields([new FieldProblem("operator_id", $"operator_id is at most {MaxOperatorId} characters, without control characters.")]);
            }

            var token = command.Text("confirmation_token");
            return await handler.HandleAsync(command with { Type = type, OperatorId = operatorId, ConfirmationToken = string.IsNullOrEmpty(token) ? null : token });
        }).WithTags("Commands").DisableAntiforgery().RequireJsonContentType()
            .WithSummary("Run a typed command (the body names it; its role rules apply)");
        return api;
    }

    private static async Task<JsonDocument> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new PayloadTooLargeException($"A command is at most {MaxBodyBytes / 1024} KiB.");
        }

        var body = await RequestBody.ReadAsync(request.Body, MaxBodyBytes, "A command");
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new DomainValidationException("A command is a JSON object such as {\"type\":\"EMERGENCY_LOCKDOWN\",\"operator_id\":\"Op-01\",\"reason\":\"…\"}.");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw DomainValidationException.ForFields([new FieldProblem("body", $"The command is not valid JSON: {ex.Message}")]);
        }
    }

    private static string Printable(string text) => new([.. text.Where(ch => !char.IsControl(ch)).Take(64)]);
}
