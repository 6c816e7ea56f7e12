using System.Diagnostics;
using System.Net.Http.Json;

namespace OperatorConsole.Core.Lockdown;

/// <summary>
/// POSTs the lockdown alert to the Admin's webhook URL with a short timeout. Never throws: a failed delivery is a
/// result to record, and the lockdown it reports has already committed.
/// </summary>
public sealed class LockdownAlertWebhook(IHttpClientFactory httpClients, TimeProvider clock)
{
    public const string HttpClientName = "lockdown-alert";
    public const int MaxUrlLength = 2000;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The URL as stored, or null to turn the webhook off; anything but an absolute http(s) URL is refused.</summary>
    public static string? Validate(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (trimmed.Length > MaxUrlLength
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new Common.DomainValidationException(
                "The alert webhook must be an absolute http:// or https:// URL (at most 2000 characters).",
                new Dictionary<string, string[]> { ["alertWebhookUrl"] = ["Enter an absolute http:// or https:// URL."] });
        }

        return uri.AbsoluteUri;
    }

    /// <summary>Scheme, host, port and path only: a query string or user info may carry a secret and stays out of records.</summary>
    public static string Describe(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}{uri.AbsolutePath}" : "(invalid URL)";

    public async Task<WebhookDelivery> DeliverAsync(string url, object alert)
    {
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        string? error = null;
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(url, alert, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException)
        {
            error = $"No answer within {Timeout.TotalSeconds:0} s.";
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }

        return new WebhookDelivery(Describe(url), clock.GetUtcNow(), status, error, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
