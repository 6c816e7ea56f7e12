using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.KillSwitches;
using OperatorConsole.Testing;
using OperatorConsole.Web.Telemetry;

namespace OperatorConsole.Web.Tests.Telemetry;

// Trace propagation and the request log are process-wide (activity listeners, the telemetry providers of other hosts).
[Collection(AloneInProcess.Name)]
public sealed class TraceTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Flip_CallerInATrace_StoreWriteIsASpanOfThatTrace()
    {
        var key = $"trace-{Guid.NewGuid():N}"[..20];
        await host.Service<KillSwitchService>().CreateAsync(Actor.System, new KillSwitchDefinition(key, null, "Trace test switch", false));
        using var onCall = await host.ApiClientAsync(Role.OnCall);
        var writes = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TracedConsoleStore.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = writes.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var (response, traceId) = await InTraceAsync(onCall, HttpMethod.Post, $"/api/kill-switches/{key}/flip", JsonContent.Create(new { on = true, reason = "trace test" }));
        using var _ = response;

        response.EnsureSuccessStatusCode();
        Assert.Contains(writes, a => a.TraceId == traceId && a.DisplayName == "store write");
    }

    [Fact]
    public async Task Request_CallerInATrace_JsonLogLineCarriesTraceId()
    {
        using var viewer = await host.ApiClientAsync(Role.Viewer);

        var (response, traceId) = await InTraceAsync(viewer, HttpMethod.Get, "/api/me");
        using var _ = response;

        response.EnsureSuccessStatusCode();
        var line = await RequestLogLineAsync("/api/me", traceId.ToString());
        Assert.Equal(traceId.ToString(), line.GetProperty("@tr").GetString());
        Assert.False(string.IsNullOrEmpty(line.GetProperty("@sp").GetString()));
    }

    /// <summary>
    /// Sends a request as part of a trace the test starts, passing it on in the traceparent header as any instrumented
    /// caller does (set here, not left to HttpClient: that adds it only while something in the process listens to
    /// HttpClient's activities). The console's spans and log lines join that trace.
    /// </summary>
    private static async Task<(HttpResponseMessage Response, ActivityTraceId TraceId)> InTraceAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var caller = new Activity("test caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        request.Headers.TryAddWithoutValidation("traceparent", caller.Id);
        return (await client.SendAsync(request), caller.TraceId);
    }

    // The request's completion line is written as the response finishes; poll the file until it shows up.
    private async Task<JsonElement> RequestLogLineAsync(string path, string traceId)
    {
        var folder = host.Service<IConfiguration>()["Logs:Folder"]!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "operator-console-*.json") : [])
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync(timeout.Token) is { } text)
                {
                    var line = JsonDocument.Parse(text).RootElement;
                    if (line.TryGetProperty("RequestPath", out var p) && p.GetString() == path
                        && line.TryGetProperty("@tr", out var tr) && tr.GetString() == traceId)
                    {
                        return line.Clone();
                    }
                }
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
