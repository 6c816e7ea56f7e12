using System.Collections.Concurrent;
using System.Diagnostics;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>
/// Debian's prometheus-alertmanager on a loopback port, clustering off, its state in a temp folder, with a receiver that
/// posts to <paramref name="webhookUrl"/> with a Bearer key (the snippet of docs/alerts.md). Killed on dispose.
/// </summary>
public sealed class AlertmanagerProcess : IDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly string _folder = Directory.CreateTempSubdirectory("oc-alertmanager-").FullName;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Process _process;

    public AlertmanagerProcess(int port, string webhookUrl, string bearerKey)
    {
        Port = port;
        var config = Path.Combine(_folder, "alertmanager.yml");
        File.WriteAllText(config, Config(webhookUrl, bearerKey));
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            $"--config.file={config}", $"--storage.path={Path.Combine(_folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("prometheus-alertmanager did not start.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>What alertmanager logged, for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The receiver as docs/alerts.md shows it; short waits so a test sees notifications within seconds.</summary>
    public static string Config(string webhookUrl, string bearerKey) => $"""
        route:
          receiver: operator-console
          group_by: ['alertname', 'scope']
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: operator-console
            webhook_configs:
              - url: '{webhookUrl}'
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials: '{bearerKey}'
        """;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null && _output.Count < 500)
        {
            _output.Enqueue(line);
        }
    }
}
