using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace OperatorConsole.Benchmarks.Load;

/// <summary>
/// N clients polling GET /api/kill-switches with If-None-Match every interval (the flag-service model), each starting
/// at a random phase. A 200 carries a new version in its ETag; the poller notes when it saw it.
/// </summary>
internal sealed class PollFleet(FleetSpec spec, Completion completion) : IClientFleet
{
    private readonly HttpClient _http = NewClient(spec);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SeenLog> _seen = [];
    private readonly List<Task> _loops = [];
    private long _requests;
    private long _notModified;
    private long _bytes;
    private long _errors;

    public async Task StartAsync()
    {
        for (var first = 0; first < spec.Clients; first += spec.Batch)
        {
            var batch = Enumerable.Range(first, Math.Min(spec.Batch, spec.Clients - first)).Select(_ => PollAsync(null)).ToList();
            try
            {
                var versions = await Task.WhenAll(batch).WaitAsync(TimeSpan.FromSeconds(spec.TimeoutSeconds));
                foreach (var (etag, version) in versions)
                {
                    var seen = new SeenLog();
                    _seen.Add(seen);
                    _loops.Add(Task.Run(() => LoopAsync(seen, etag!, version)));
                }
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{_seen.Count} of {spec.Clients} pollers started; the next {batch.Count} got no first answer within {spec.TimeoutSeconds} s.");
            }
        }
    }

    public FleetResult Result() =>
        new([.. _seen.Select(s => s.ToArray())], false, Interlocked.Read(ref _requests), Interlocked.Read(ref _notModified), Interlocked.Read(ref _bytes), Interlocked.Read(ref _errors));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync(SeenLog seen, string etag, long version)
    {
        var interval = TimeSpan.FromMilliseconds(spec.IntervalMs);
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), _stop.Token);
            using var timer = new PeriodicTimer(interval);
            do
            {
                try
                {
                    var (newTag, newVersion) = await PollAsync(etag);
                    if (newTag is not null && newVersion > version)
                    {
                        seen.Add(newVersion, Stopwatch.GetTimestamp());
                        completion.SeenUpTo(version, newVersion);
                        (etag, version) = (newTag, newVersion);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref _errors);
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>One poll: the new ETag and version on a 200, (null, 0) on a 304.</summary>
    private async Task<(string? ETag, long Version)> PollAsync(string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/kill-switches");
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        using var response = await _http.SendAsync(request, _stop.Token);
        Interlocked.Increment(ref _requests);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Interlocked.Increment(ref _notModified);
            return (null, 0);
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(_stop.Token);
        Interlocked.Add(ref _bytes, body.Length);
        var tag = response.Headers.ETag?.Tag ?? throw new InvalidOperationException("GET /api/kill-switches sent no ETag.");
        return (tag, long.Parse(tag.Trim('"').TrimStart('v'), CultureInfo.InvariantCulture));
    }

    private static HttpClient NewClient(FleetSpec spec)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = spec.Clients };
        var client = new HttpClient(handler) { BaseAddress = spec.Url, Timeout = TimeSpan.FromSeconds(spec.TimeoutSeconds) };
        client.DefaultRequestHeaders.Add("X-Api-Key", spec.ApiKey);
        return client;
    }
}
