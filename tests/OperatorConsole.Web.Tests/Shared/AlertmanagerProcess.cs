using System.Collections.Concurrent;
using System.Diagnostics;

namespace OperatorConsole.Web.Tests.Shared;

/// <summary>
/// Debian's prometheus-alertmanager on a loopback port, clustering off, its state in a temp folder, with a receiver that
/// posts to the webhook URL with a Bearer key (the snippet of docs/alerts.md). Killed on dispose.
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

    /// <summary>
    /// The receiver snippet of docs/alerts.md, exactly as written there, with its example URL and key replaced by the
    /// test's: the documentation is what the test runs.
    /// </summary>
    public static string Config(string webhookUrl, string bearerKey)
    {
        const string exampleUrl = "http://127.0.0.1:5000/api/alerts/alertmanager";
        const string exampleKey = "<the API key>";
        var doc = File.ReadAllText(DocsFile());
        var start = doc.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var snippet = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Contains(exampleUrl, snippet, StringComparison.Ordinal);
        Assert.Contains(exampleKey, snippet, StringComparison.Ordinal);
        return snippet.Replace(exampleUrl, webhookUrl, StringComparison.Ordinal).Replace(exampleKey, bearerKey, StringComparison.Ordinal);
    }

    private static string DocsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "alerts.md")))
            {
                return Path.Combine(dir.FullName, "docs", "alerts.md");
            }
        }

        throw new FileNotFoundException("docs/alerts.md was not found above the test binaries.");
    }

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
