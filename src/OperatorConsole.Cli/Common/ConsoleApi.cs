using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OperatorConsole.Cli.Common;

/// <summary>The console's HTTP API with an API key; every non-success answer becomes a <see cref="CliException"/> with its exit code.</summary>
public sealed class ConsoleApi : IDisposable
{
    /// <summary>The API's JSON shape: web defaults with enums as names.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient _http;

    public ConsoleApi(ConsoleSettings settings)
    {
        _http = new HttpClient { BaseAddress = settings.Url };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken ct) =>
        await ReadJsonAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct), ct);

    public async Task<JsonElement> PostAsync<T>(string path, T body, CancellationToken ct) =>
        await ReadJsonAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) }, ct), ct);

    /// <summary>A POST whose answer is a file (an evidence bundle): its bytes as sent.</summary>
    public async Task<byte[]> PostForBytesAsync(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path), ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    public async Task<JsonElement> PostContentAsync(string path, HttpContent content, CancellationToken ct) =>
        await ReadJsonAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, ct), ct);

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException(ExitCodes.Unreachable, $"Cannot reach the console at {_http.BaseAddress}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.Unreachable, $"The console at {_http.BaseAddress} did not answer in time.");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new CliException(ExitCodeOf(response.StatusCode), $"{(int)response.StatusCode} {response.ReasonPhrase}: {await ProblemText(response, ct)}");
        }
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private static int ExitCodeOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => ExitCodes.NotFound,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Conflict or HttpStatusCode.Locked
            or HttpStatusCode.PreconditionRequired => ExitCodes.Refused,
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => ExitCodes.Unreachable,
        >= HttpStatusCode.InternalServerError => ExitCodes.ServerError,
        _ => ExitCodes.BadInput,
    };

    /// <summary>The problem+json's detail (and each field's message), or the raw text; never the request's headers.</summary>
    private static async Task<string> ProblemText(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            var detail = problem.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()
                : problem.TryGetProperty("title", out var t) ? t.GetString() : text;
            var fields = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))}")
                : [];
            return string.Join(" ", fields.Prepend(detail));
        }
        catch (JsonException)
        {
            return text.Length > 0 ? text : "(no details)";
        }
    }
}
