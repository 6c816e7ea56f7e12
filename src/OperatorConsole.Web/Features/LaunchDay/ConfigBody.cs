using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using OperatorConsole.Core.LaunchDay.Config;
using OperatorConsole.Web.Api;

namespace OperatorConsole.Web.Features.LaunchDay;

/// <summary>
/// A production config as a request carries it: the raw file (its format from ?format= or the Content-Type), or a JSON
/// object holding only "text" (and optionally "format") as a form posts it. The parser refuses what it cannot read.
/// </summary>
public static class ConfigBody
{
    /// <summary>Twice the parser's limit, so an oversized config gets the parser's clear answer, not a cut-off body.</summary>
    public const int MaxBytes = 2 * ConfigSnapshotParser.MaxBytes;

    public static async Task<(string Text, string? Format)> ReadAsync(HttpRequest request, string? format)
    {
        var text = Encoding.UTF8.GetString(await RequestBody.ReadAsync(request.Body, MaxBytes, "The config"));
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (type == "application/json" && Wrapped(text) is { } wrapped)
        {
            return (wrapped.Text, wrapped.Format ?? format);
        }

        return (text, format ?? type switch
        {
            "application/json" => "json",
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => "yaml",
            _ => null,
        });
    }

    private static (string Text, string? Format)? Wrapped(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String
                || root.EnumerateObject().Any(p => p.Name is not ("text" or "format")))
            {
                return null;
            }

            var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            return (text.GetString()!, format);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
