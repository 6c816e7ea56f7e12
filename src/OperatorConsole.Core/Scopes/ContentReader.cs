using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.Scopes;

/// <summary>
/// Fetches content over HTTP for a checksum (a manifest stored by URL, or a pack read back from the resolver).
/// A path is resolved against the console's own address, like a probe. Failures come back as a problem, not a throw.
/// </summary>
public sealed class ContentReader(IHttpClientFactory httpClients, ISelfBaseAddress self)
{
    public const int MaxBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<(byte[]? Content, string? Problem)> FetchAsync(string url, CancellationToken cancellationToken = default)
    {
        var uri = url.StartsWith('/') ? new Uri(self.Get(), url) : new Uri(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await httpClients.CreateClient(ProbeRunner.HttpClientName)
                .GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"GET {uri} answered {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return (null, $"GET {uri} is larger than {MaxBytes / 1024 / 1024} MB");
            }

            return (await response.Content.ReadAsByteArrayAsync(timeout.Token), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            return (null, ex is OperationCanceledException ? $"GET {uri}: no answer within {Timeout.TotalSeconds:0} s" : $"GET {uri}: {ex.Message}");
        }
    }
}
