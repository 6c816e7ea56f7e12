using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Alerts;

/// <summary>Alertmanager's API v2 silences, reached through the outbound policy like every request the console sends.</summary>
public sealed class AlertmanagerClient(IHttpClientFactory clients, IOptionsMonitor<AlertOptions> options)
{
    public const string HttpClientName = "alertmanager";

    public sealed record Matcher(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("value")] string Value,
        [property: JsonPropertyName("isRegex")] bool IsRegex,
        [property: JsonPropertyName("isEqual")] bool IsEqual);

    private sealed record PostableSilence(
        [property: JsonPropertyName("matchers")] IReadOnlyList<Matcher> Matchers,
        [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
        [property: JsonPropertyName("endsAt")] DateTimeOffset EndsAt,
        [property: JsonPropertyName("createdBy")] string CreatedBy,
        [property: JsonPropertyName("comment")] string Comment);

    private sealed record Created([property: JsonPropertyName("silenceID")] string? SilenceId);

    public bool IsConfigured => BaseUrl() is not null;

    public async Task<string> CreateSilenceAsync(IReadOnlyList<Matcher> matchers, DateTimeOffset startsAt, DateTimeOffset endsAt,
        string createdBy, string comment, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http => http.PostAsJsonAsync(Url("api/v2/silences"),
            new PostableSilence(matchers, startsAt, endsAt, createdBy, comment), cancellationToken));
        var created = await response.Content.ReadFromJsonAsync<Created>(cancellationToken);
        return created?.SilenceId is { Length: > 0 } id ? id : throw new AlertmanagerException("Alertmanager did not return a silence id.");
    }

    public async Task ExpireSilenceAsync(string silenceId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http => http.DeleteAsync(Url($"api/v2/silence/{Uri.EscapeDataString(silenceId)}"), cancellationToken));
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var http = clients.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await send(http);
        }
        catch (HttpRequestException e)
        {
            throw new AlertmanagerException($"Alertmanager could not be reached: {OutboundRefusedException.In(e)?.Message ?? e.Message}");
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new AlertmanagerException($"Alertmanager answered {status}.");
        }

        return response;
    }

    private Uri Url(string path) =>
        new(BaseUrl() ?? throw new AlertmanagerException("No Alertmanager is configured (Alerts:AlertmanagerUrl)."), path);

    private Uri? BaseUrl() =>
        Uri.TryCreate(options.CurrentValue.AlertmanagerUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}

/// <summary>Alertmanager is not configured, not reachable, or refused the request; nothing was recorded.</summary>
public sealed class AlertmanagerException(string message) : DomainException(message);
