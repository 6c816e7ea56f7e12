using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Outbound;
using OperatorConsole.Core.Runbooks;

namespace OperatorConsole.Core.Runs;

/// <summary>Executes a probe step over HTTP. Any failure, including an unreachable target, is a result, not an exception.</summary>
public sealed class ProbeRunner(IHttpClientFactory httpClients, ISelfBaseAddress self, OutboundPolicy outbound, TimeProvider clock)
{
    public const string HttpClientName = "probes";
    private const int ExcerptLength = 2000;

    public async Task<ProbeResult> RunAsync(ProbeSpec spec, string executedBy, CancellationToken cancellationToken = default)
    {
        var url = spec.Url.StartsWith('/') ? new Uri(self.Get(), spec.Url) : new Uri(spec.Url);
        var started = clock.GetTimestamp();
        var at = clock.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(spec.TimeoutMs);
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(spec.Method), url);
            if (spec.Body is not null)
            {
                if (await outbound.BodyRefusalAsync(url, timeout.Token) is { } refusal)
                {
                    throw new OutboundRefusedException(refusal);
                }

                request.Content = new StringContent(spec.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            }

            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var latency = (long)clock.GetElapsedTime(started).TotalMilliseconds;
            var (passed, summary) = Judge(spec, (int)response.StatusCode, body);
            return new ProbeResult(at, spec.Method, url.ToString(), (int)response.StatusCode, latency, passed,
                $"{summary} in {latency} ms", Excerpt(body), executedBy);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            var latency = (long)clock.GetElapsedTime(started).TotalMilliseconds;
            var why = ex is OperationCanceledException ? $"no answer within {spec.TimeoutMs} ms"
                : OutboundRefusedException.In(ex) is { } refused ? $"refused: {refused.Message}"
                : $"unreachable: {ex.Message}";
            return new ProbeResult(at, spec.Method, url.ToString(), null, latency, false, why, null, executedBy);
        }
    }

    internal static (bool Passed, string Summary) Judge(ProbeSpec spec, int status, string body)
    {
        if (status != spec.ExpectedStatus)
        {
            return (false, $"status {status}, expected {spec.ExpectedStatus}");
        }

        if (spec.JsonPath is null || spec.Operator is null || spec.Threshold is null)
        {
            return (true, $"status {status}");
        }

        var value = ReadNumber(body, spec.JsonPath);
        if (value is null)
        {
            return (false, $"status {status}, but {spec.JsonPath} is not a number in the body");
        }

        var passed = Compare(value.Value, spec.Operator, spec.Threshold.Value);
        var shown = value.Value.ToString(CultureInfo.InvariantCulture);
        var threshold = spec.Threshold.Value.ToString(CultureInfo.InvariantCulture);
        return (passed, $"status {status}, {spec.JsonPath} = {shown} ({(passed ? "meets" : "fails")} {spec.Operator} {threshold})");
    }

    private static double? ReadNumber(string body, string jsonPath)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var node = doc.RootElement;
            foreach (var name in jsonPath.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
                {
                    return null;
                }
            }

            return node.ValueKind == JsonValueKind.Number ? node.GetDouble() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Compare(double value, string op, double threshold) => op switch
    {
        ">" => value > threshold,
        ">=" => value >= threshold,
        "<" => value < threshold,
        "<=" => value <= threshold,
        "==" => value.Equals(threshold),
        "!=" => !value.Equals(threshold),
        _ => false,
    };

    private static string? Excerpt(string body) =>
        string.IsNullOrEmpty(body) ? null : body.Length <= ExcerptLength ? body : body[..ExcerptLength] + "…";
}
