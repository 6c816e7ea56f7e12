using OperatorConsole.Core.Common;
using OperatorConsole.Core.Runs;

namespace OperatorConsole.Core.Scopes;

/// <summary>What a GET brought back: the bytes and their media type, or why there are none.</summary>
public sealed record FetchedContent(byte[]? Content, string? MediaType, string? Problem);

/// <summary>
/// Fetches content over HTTP for a checksum (a manifest stored by URL, or a pack read back from the resolver) or a
/// production config. A path is resolved against the console's own address, like a probe; every request goes through
/// the outbound policy. Failures come back as a problem, not a throw.
/// </summary>
public sealed class ContentReader(IHttpClientFactory httpClients, ISelfBaseAddress self)
{
    public const int MaxBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>SHA-256 over the stored content, else over what <paramref name="url"/> serves, against the declared checksum.</summary>
    public async Task<ChecksumCheck> ChecksumAsync(string name, string expected, byte[]? stored, string? url, CancellationToken cancellationToken)
    {
        if (stored is not null)
        {
            return new ChecksumCheck(name, expected, Checksums.Sha256(stored), "stored content", null);
        }

        if (string.IsNullOrWhiteSpace(url))
        {
            return new ChecksumCheck(name, expected, null, "none", "no content stored and no URL to fetch it from");
        }

        var read = await ReadAsync(url, cancellationToken);
        return new ChecksumCheck(name, expected, read.Content is null ? null : Checksums.Sha256(read.Content), $"GET {url}", read.Problem);
    }

    public async Task<FetchedContent> ReadAsync(string url, CancellationToken cancellationToken = default)
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
                return new(null, null, $"GET {uri} answered {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return new(null, null, $"GET {uri} is larger than {MaxBytes / 1024 / 1024} MB");
            }

            return new(await response.Content.ReadAsByteArrayAsync(timeout.Token), response.Content.Headers.ContentType?.MediaType, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            var why = ex is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s"
                : OutboundRefusedException.In(ex) is { } refused ? $"refused by the outbound policy: {refused.Message}"
                : ex.Message;
            return new(null, null, $"GET {uri}: {why}");
        }
    }
}
