using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace OperatorConsole.Web.Hosting;

/// <summary>
/// The one place where a request the framework could not read becomes problem+json: a JSON body that does not bind
/// (the field and why, from the reader's path), a query or route value of the wrong type, a missing body, a media
/// type the endpoint does not take, and Kestrel's own refusals raised while the app reads (413 body too large).
/// Minimal APIs throw these because <see cref="ConsoleHostSetup"/> sets ThrowOnBadRequest.
/// </summary>
public sealed partial class BadRequestHandler(ProblemWriter problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (title, detail, errors) = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("The request body is too large", Limit(httpContext), null),
            _ when bad.InnerException is JsonException json => Json(json),
            _ => Parameter(bad.StatusCode, bad.Message),
        };
        return await problems.WriteAsync(httpContext, exception, bad.StatusCode, title, detail, errors);
    }

    private static string Limit(HttpContext http)
    {
        var limit = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return limit is null ? "The request body is larger than this server accepts." : $"The request body is larger than the limit of {limit / (1024 * 1024)} MB.";
    }

    private static (string, string, IReadOnlyDictionary<string, string[]>?) Json(JsonException json)
    {
        var field = FieldOf(json.Path);
        var why = Describe(json);
        return ("The request body is not valid", $"{field}: {why}", new Dictionary<string, string[]> { [field] = [why] });
    }

    /// <summary>"$.followUps[0].text" → "followUps[0].text"; the document itself is "body".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException json)
    {
        // The reader appends "Path: … | LineNumber: …" to its own messages; the field is reported apart.
        var message = json.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        var converted = CouldNotConvert().Match(message);
        if (converted.Success)
        {
            message = $"The value is not {Friendly(converted.Groups["type"].Value)}.";
        }

        return json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? $"{message} (line {line + 1}, byte {position + 1})"
            : message;
    }

    private static string Friendly(string clrType)
    {
        var inner = NullableOf().Match(clrType) is { Success: true } nullable ? nullable.Groups["inner"].Value : clrType;
        return inner switch
        {
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Double" or "System.Decimal" => "a number",
            "System.DateTimeOffset" or "System.DateTime" => "a date and time (ISO 8601, e.g. 2026-01-31T12:00:00Z)",
            "System.TimeSpan" => "a duration (e.g. 00:15:00)",
            _ when inner.Contains("List`1", StringComparison.Ordinal) || inner.EndsWith("[]", StringComparison.Ordinal) => "a list",
            _ => "of the expected shape",
        };
    }

    private static (string, string, IReadOnlyDictionary<string, string[]>?) Parameter(int status, string message)
    {
        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            const string needsBody = "The request needs a JSON body.";
            return ("The request is not valid", needsBody, new Dictionary<string, string[]> { ["body"] = [needsBody] });
        }

        var match = ParameterMessage().Match(message);
        if (!match.Success)
        {
            return (ReasonPhrases.GetReasonPhrase(status), message, null);
        }

        var name = match.Groups["name"].Value;
        var why = match.Groups["kind"].Value switch
        {
            "Failed to bind" => $"'{Shorten(match.Groups["value"].Value)}' is not a valid value for '{name}'.",
            "Required" => name.EndsWith("body", StringComparison.OrdinalIgnoreCase) ? "The request needs a JSON body." : $"'{name}' is required.",
            _ => $"'{name}' could not be read from the request.",
        };
        var field = name.EndsWith("body", StringComparison.OrdinalIgnoreCase) ? "body" : name;
        return ("The request is not valid", why, new Dictionary<string, string[]> { [field] = [why] });
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.?$")]
    private static partial Regex CouldNotConvert();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();

    // The framework's wording: Failed to bind parameter "int? version" from "abc". / Required parameter "Note body" was not provided…
    [GeneratedRegex(@"^(?<kind>Failed to bind|Required|Failed to read) parameter ""(?:[^""]* )?(?<name>[^"" ]+)""(?: from ""(?<value>[^""]*)"")?")]
    private static partial Regex ParameterMessage();
}
